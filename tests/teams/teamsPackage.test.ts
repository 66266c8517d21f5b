import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TEAMS_APP_ID, loadTeamsConfig } from '../../src/config.js';
import { buildTeamsPackage } from '../../src/teams/buildTeamsPackage.js';
import { buildManifest, MANIFEST_VERSION } from '../../src/teams/manifest.js';
import { TeamsPackageError } from '../../src/teams/TeamsPackageError.js';
import { bundledSchemaDir, validateManifest } from '../../src/teams/validateManifest.js';

const BOT_ID = '0b6c2f3e-7d41-4a8e-9c55-2f1e8d9a4b70';
const settings = { MicrosoftAppId: BOT_ID, BOT_PUBLIC_HOST: 'sora-bot.example.com' };

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'teams-package-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function buildAndUnzip(): Promise<Record<string, Uint8Array>> {
  const { file } = await buildTeamsPackage(loadTeamsConfig(settings), path.join(tempDir(), 'out', 'app.zip'));
  return unzipSync(readFileSync(file));
}

function manifestOf(files: Record<string, Uint8Array>): Record<string, unknown> & { bots: { botId: string; scopes: string[] }[] } {
  return JSON.parse(new TextDecoder().decode(files['manifest.json'])) as ReturnType<typeof manifestOf>;
}

describe('the Teams app package', () => {
  it('holds manifest.json and the two icons at the zip root, and nothing else', async () => {
    const files = await buildAndUnzip();
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('holds a manifest that passes the official schema, read offline from the bundled copy', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const manifest = manifestOf(await buildAndUnzip());
    expect(await validateManifest(manifest)).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
  });

  it('names the Azure Bot, the three scopes, the example commands and the public host', async () => {
    const manifest = manifestOf(await buildAndUnzip());
    expect(manifest.id).toBe(DEFAULT_TEAMS_APP_ID);
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0]).toMatchObject({
      botId: BOT_ID,
      scopes: ['personal', 'team', 'groupChat'],
      supportsFiles: false,
      isNotificationOnly: false,
    });
    expect(JSON.stringify(manifest.bots[0])).toContain('Why did OpenAI shut down Sora?');
    expect(manifest.validDomains).toEqual(['sora-bot.example.com']);
    expect(manifest.developer).toMatchObject({ websiteUrl: 'https://sora-bot.example.com/' });
  });

  it('has an opaque 192x192 colour icon', async () => {
    const icon = PNG.sync.read(Buffer.from((await buildAndUnzip())['color.png']!));
    expect([icon.width, icon.height]).toEqual([192, 192]);
    const alphas = new Set(Array.from({ length: icon.width * icon.height }, (_, i) => icon.data[i * 4 + 3]));
    expect([...alphas]).toEqual([255]);
    // a symbol on a background: more than one colour
    expect(new Set(Array.from({ length: icon.width * icon.height }, (_, i) => icon.data.readUInt32BE(i * 4))).size).toBeGreaterThan(2);
  });

  it('has a 32x32 outline icon: white symbol, transparent background, no other colour', async () => {
    const icon = PNG.sync.read(Buffer.from((await buildAndUnzip())['outline.png']!));
    expect([icon.width, icon.height]).toEqual([32, 32]);
    const pixels = Array.from({ length: 32 * 32 }, (_, i) => [...icon.data.subarray(i * 4, i * 4 + 4)] as [number, number, number, number]);
    const visible = pixels.filter(([, , , alpha]) => alpha > 0);
    expect(visible.filter(([red, green, blue]) => red !== 255 || green !== 255 || blue !== 255)).toEqual([]);
    expect(pixels[0]![3]).toBe(0); // corners are background
    expect(pixels.at(-1)![3]).toBe(0);
    expect(visible.length).toBeGreaterThan(100);
    expect(visible.length).toBeLessThan(32 * 32 / 2);
  });

  it('is the same zip, byte for byte, for the same settings', async () => {
    const config = loadTeamsConfig(settings);
    const dir = tempDir();
    const first = await buildTeamsPackage(config, path.join(dir, 'a.zip'));
    const second = await buildTeamsPackage(config, path.join(dir, 'b.zip'));
    expect(readFileSync(first.file).equals(readFileSync(second.file))).toBe(true);
  });
});

describe('manifest validation against the official schema', () => {
  it('uses the newest numbered Teams schema the package bundles', () => {
    const versions = readdirSync(bundledSchemaDir())
      .filter((name) => /^v\d+\.\d+$/.test(name))
      .map((name) => name.slice(1).split('.').map(Number) as [number, number])
      .sort(([a1, a2], [b1, b2]) => a1 - b1 || a2 - b2);
    expect(versions.at(-1)!.join('.')).toBe(MANIFEST_VERSION);
  });

  it('rejects a bot id that is not a GUID and a scope Teams does not know, saying where', async () => {
    const manifest = buildManifest(loadTeamsConfig(settings));
    const broken = { ...manifest, bots: [{ ...manifest.bots![0]!, botId: 'my-bot', scopes: ['Personal'] }] };
    const errors = await validateManifest(broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/bots\/0\/botId must match pattern/),
        expect.stringMatching(/^\/bots\/0\/scopes\/0 must be equal to one of the allowed values.*"personal"/),
      ]),
    );
  });

  it('rejects a missing required field and an unknown one', async () => {
    const manifest: Record<string, unknown> = { ...buildManifest(loadTeamsConfig(settings)), colour: 'red' };
    delete manifest.accentColor;
    const errors = await validateManifest(manifest);
    expect(errors.join('\n')).toMatch(/must have required property 'accentColor'/);
    expect(errors.join('\n')).toMatch(/must NOT have additional properties.*colour/);
  });

  it('stops the build, writing no zip, with every schema error in the message', async () => {
    // settings that loadTeamsConfig would refuse, to reach the schema check behind it
    const config = { ...loadTeamsConfig(settings), botId: 'my-bot', appId: 'my-app' };
    const file = path.join(tempDir(), 'app.zip');
    const build = buildTeamsPackage(config, file);
    await expect(build).rejects.toThrow(TeamsPackageError);
    await expect(build).rejects.toThrow(
      /^The Teams manifest does not match the official schema:\n {2}- \/id must match pattern .*\n {2}- \/bots\/0\/botId must match pattern /,
    );
    expect(readdirSync(path.dirname(file))).toEqual([]);
  });
});
