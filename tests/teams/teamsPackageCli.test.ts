import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

const root = projectRoot();
const dir = mkdtempSync(path.join(tmpdir(), 'teams-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real command (src/tools/teamsPackage.ts through tsx, as the build's JS would run) with only the given settings. */
function teamsPackage(env: Record<string, string>, out: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src', 'tools', 'teamsPackage.ts'), '--out', out], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run teams:package', () => {
  it('writes the zip where --out says and prints where it is', async () => {
    const out = path.join(dir, 'nested', 'sora-closure-bot.zip');
    const run = await teamsPackage({ MicrosoftAppId: '0b6c2f3e-7d41-4a8e-9c55-2f1e8d9a4b70', BOT_PUBLIC_HOST: 'sora-bot.example.com' }, out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Teams app package: ${out}`);
    expect(Object.keys(unzipSync(readFileSync(out))).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('stops with a message naming the setting when MicrosoftAppId is not a GUID', async () => {
    const out = path.join(dir, 'refused.zip');
    const run = await teamsPackage({ MicrosoftAppId: 'sora-bot', BOT_PUBLIC_HOST: 'sora-bot.example.com' }, out);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `Configuration error: MicrosoftAppId must be the Azure Bot's Microsoft App ID (a GUID) to build the Teams package, not "sora-bot"`,
    );
    expect(existsSync(out)).toBe(false);
  });
});
