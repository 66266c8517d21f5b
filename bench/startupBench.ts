import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export interface StartupRun {
  readonly ms: number;
  readonly rssMb: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${String(pid)}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? Number.NaN) / 1024;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The started bot must answer a question too: a bundle that starts but cannot answer (a package
 * that breaks when bundled) must not pass for a fast start.
 */
async function answers(url: string): Promise<boolean> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: 'startup-check',
      channelId: 'webchat',
      serviceUrl: 'http://127.0.0.1:9/',
      deliveryMode: 'expectReplies',
      from: { id: 'bench-user' },
      recipient: { id: 'bot' },
      conversation: { id: 'startup-check' },
      text: 'Why did OpenAI close Sora?',
    }),
  });
  const body = (await response.json()) as { activities?: { type: string; text?: string }[] };
  return response.ok && (body.activities ?? []).some((a) => a.type === 'message' && (a.text ?? '').length > 0);
}

/** From spawning `node <entry>` to its first successful GET /healthz, and its RSS then. */
async function once(root: string, entry: string): Promise<StartupRun> {
  const port = await freePort();
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [path.join(root, entry)], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'silent', MicrosoftAppId: '', MicrosoftAppPassword: '' },
  });
  try {
    const deadline = Date.now() + 30_000;
    while (!(await healthy(`http://127.0.0.1:${String(port)}/healthz`))) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('the bot did not start');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const rss = rssMb(child.pid ?? 0);
    if (!(await answers(`http://127.0.0.1:${String(port)}`))) throw new Error(`${entry} started but did not answer a question`);
    return { ms, rssMb: rss };
  } finally {
    child.kill();
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** `entry`: dist/bot.mjs (the bundle `npm start` runs) or dist/src/index.js (tsc's output, unbundled). */
export async function startupBench(root: string, entry: string, runs: number): Promise<StartupRun[]> {
  const results: StartupRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await once(root, entry));
  return results;
}
