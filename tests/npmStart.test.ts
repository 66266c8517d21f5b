import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.js';
import { ask } from './helpers/testBot.js';

const root = projectRoot();
const run = promisify(execFile);

/**
 * The front door as users meet it: `npm start` builds (tsc, pre-parsed knowledge, the esbuild
 * bundle) and runs dist/bot.mjs. The other start-up tests run the TypeScript sources, so this is
 * the one place the bundle itself must answer, serve the chat page and stop cleanly.
 */
describe('npm start', () => {
  it('builds the bundle, which answers a question, serves the chat page and Web Chat, and stops on SIGTERM', async () => {
    await run('npm', ['run', 'build', '--silent'], { cwd: root, timeout: 120_000 });
    const child = spawn(process.execPath, [path.join(root, 'dist', 'bot.mjs')], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', PORT: '0' },
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const found = /Bot endpoint: (http:\/\/\S+)\/api\/messages/.exec(stdout)?.[1];
          if (found) resolve(found);
        });
        child.on('exit', (code) => {
          reject(new Error(`dist/bot.mjs exited with ${String(code)} before listening:\n${stdout}`));
        });
      });

      // ask() fails unless the answer comes with HTTP 200
      const replies = await ask(url, 'How much did Sora make?', { conversation: { id: 'bundle-1' } });
      expect(JSON.stringify(replies)).toContain('$1.4 million');

      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      const bundle = /<script src="([^"]*webchat[^"]*\.js)"/i.exec(html)?.[1];
      expect(bundle, html).toBeDefined();
      const webChat = await fetch(new URL(bundle ?? '', url));
      expect(webChat.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 180_000);
});
