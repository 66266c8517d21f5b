import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.js';

const root = projectRoot();
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real entry point (src/index.ts through tsx) as `npm start` does, with the given
 * environment; `whileRunning` gets the printed bot URL and may talk to it before SIGTERM.
 */
function start(env: Record<string, string>, whileRunning?: (url: string) => Promise<void>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src', 'index.ts')], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', PORT: '0', ...env },
    });
    let stdout = '';
    let stderr = '';
    let talking = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /Bot endpoint: (http:\/\/\S+)\/api\/messages/.exec(stdout)?.[1];
      if (url && !talking) {
        talking = true;
        (whileRunning ?? (() => Promise.resolve()))(url)
          .then(() => child.kill('SIGTERM'))
          .catch((error: unknown) => {
            child.kill('SIGKILL');
            reject(error instanceof Error ? error : new Error(String(error)));
          });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

describe('start-up', () => {
  it('starts with no settings at all, answers on the printed URL and stops on SIGTERM', async () => {
    let health: unknown;
    const run = await start({}, async (url) => {
      health = await (await fetch(`${url}/healthz`)).json();
    });
    expect(health).toEqual({ status: 'ok' });
    expect(run.code).toBe(0);
  });

  it('stops with the file, entry and problem when a knowledge file is broken', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'broken-knowledge-'));
    temps.push(dir);
    cpSync(path.join(root, 'knowledge'), dir, { recursive: true });
    const file = path.join(dir, 'faq', 'disney.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Mickey Mouse and Yoda from Star Wars."', 'Mickey Mouse and Goofy."'));
    const run = await start({ KNOWLEDGE_DIR: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Knowledge file .*faq\/disney\.yaml, entry "[a-z-]+": cited sentence is not in the article word for word: ".*Goofy\."/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it('stops with a clear message on a bad setting', async () => {
    const run = await start({ MicrosoftAppType: 'Sometimes' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('Configuration error: MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI, not "Sometimes"');
  });
});
