import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runTool, type ToolRun } from '../helpers/runTool.js';

const dir = mkdtempSync(path.join(tmpdir(), 'teams-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The real command (src/tools/teamsPackage.ts) with only the given settings. */
function teamsPackage(env: Record<string, string>, out: string): Promise<ToolRun> {
  return runTool('teamsPackage', ['--out', out], env);
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
