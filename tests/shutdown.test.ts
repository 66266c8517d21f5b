import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.js';
import { startHeldConnector, type HeldConnector } from './helpers/heldConnector.js';
import { messageActivity, post } from './helpers/testBot.js';

const root = projectRoot();
let connector: HeldConnector | undefined;
afterAll(async () => {
  await connector?.close();
});

/** The real entry point (src/index.ts through tsx), as `npm start` runs it; resolves with its URL and exit code. */
function startBot(): { url: Promise<string>; exit: Promise<number | null>; terminate: () => void } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src', 'index.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', PORT: '0' },
  });
  let stdout = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /Bot endpoint: (http:\/\/\S+)\/api\/messages/.exec(stdout)?.[1];
      if (found) resolve(found);
    });
    child.on('exit', (code) => {
      reject(new Error(`the bot exited (${String(code)}) before listening`));
    });
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { url, exit, terminate: () => child.kill('SIGTERM') };
}

async function readinessOf(url: string): Promise<number> {
  return (await fetch(`${url}/readyz`)).status;
}

describe('graceful shutdown', () => {
  it('on SIGTERM finishes the turn in flight, refuses new ones, then exits 0', async () => {
    connector = await startHeldConnector();
    const bot = startBot();
    const url = await bot.url;
    expect(await readinessOf(url)).toBe(200);

    // a turn whose reply delivery the channel holds: in flight when SIGTERM arrives
    const inFlight = post(url, messageActivity('How much money did Sora make?', { serviceUrl: connector.serviceUrl }));
    await connector.firstCall;
    bot.terminate();

    // the bot says it is going (readiness fails) and takes no new turn, but the old one is still running
    while ((await readinessOf(url)) !== 503) await sleep(20);
    const refused = await post(url, messageActivity('And ChatGPT?'));
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({ error: 'shutting down' });

    connector.release();
    expect((await inFlight).status).toBe(200);
    expect(await bot.exit).toBe(0);
  });
});
