import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_DEST,
  FetchError,
  fetchWebChat,
  integrityOf,
  npmPack,
  readPin,
  readTarEntries,
  sha256Of,
  type WebChatPin,
} from '../../src/tools/fetchWebChat.mjs';

/** A minimal ustar archive, the way npm writes one (name + prefix, optional pax "path" record). */
function tar(files: readonly { name: string; body: string; pax?: boolean }[]): Buffer {
  const blocks: Buffer[] = [];
  const header = (name: string, size: number, type: string): Buffer => {
    const block = Buffer.alloc(512);
    block.write(name.slice(0, 100), 0);
    block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
    block.write(type, 156);
    block.write('ustar\u000000', 257);
    return block;
  };
  const data = (body: Buffer): Buffer => Buffer.concat([body, Buffer.alloc((512 - (body.length % 512)) % 512)]);
  for (const file of files) {
    const body = Buffer.from(file.body);
    if (file.pax) {
      const record = ` path=${file.name}\n`;
      const line = Buffer.from(`${String(record.length + 3)}${record}`);
      blocks.push(header('PaxHeader', line.length, 'x'), data(line));
      blocks.push(header('truncated-name', body.length, '0'), data(body));
    } else {
      blocks.push(header(file.name, body.length, '0'), data(body));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

const BUNDLE = 'window.WebChat = {};';
const NOTICES = '/*! licences */';
const tarball = gzipSync(
  tar([
    { name: 'package/package.json', body: '{}' },
    { name: 'package/dist/webchat.js', body: BUNDLE, pax: true },
    { name: 'package/dist/webchat.js.LICENSE.txt', body: NOTICES },
  ]),
);
const pin: WebChatPin = { package: 'botframework-webchat', version: '0.0.1', integrity: integrityOf(tarball), bundleSha256: sha256Of(Buffer.from(BUNDLE)) };

let dest: string;
beforeEach(() => {
  dest = mkdtempSync(path.join(tmpdir(), 'webchat-test-'));
});
afterEach(() => {
  rmSync(dest, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

const packInto = (bytes: Buffer) =>
  vi.fn((_spec: string, dir: string): string => {
    const file = path.join(dir, 'pkg.tgz');
    writeFileSync(file, bytes);
    return file;
  });

describe('fetching the Web Chat bundle without installing the package', () => {
  it('reads only the wanted files from a tar, including names given by a pax header', () => {
    const entries = readTarEntries(tar([{ name: 'a/one', body: '1' }, { name: 'a/long/two', body: '22', pax: true }]), ['a/long/two']);
    expect([...entries.keys()]).toEqual(['a/long/two']);
    expect(entries.get('a/long/two')?.toString()).toBe('22');
  });

  it('extracts the bundle and its licence notices, then skips the work when the bundle is already there', () => {
    const pack = packInto(tarball);
    expect(fetchWebChat({ dest, pin, pack })).toBe('fetched');
    expect(pack).toHaveBeenCalledWith('botframework-webchat@0.0.1', expect.any(String));
    expect(readFileSync(path.join(dest, 'webchat.js'), 'utf8')).toBe(BUNDLE);
    expect(readFileSync(path.join(dest, 'webchat.js.LICENSE.txt'), 'utf8')).toBe(NOTICES);

    expect(fetchWebChat({ dest, pin, pack })).toBe('present');
    expect(pack).toHaveBeenCalledTimes(1);
  });

  it('fetches again when the bundle on disk does not have the pinned hash', () => {
    writeFileSync(path.join(dest, 'webchat.js'), 'half a file');
    expect(fetchWebChat({ dest, pin, pack: packInto(tarball) })).toBe('fetched');
    expect(readFileSync(path.join(dest, 'webchat.js'), 'utf8')).toBe(BUNDLE);
  });

  it('refuses a tarball whose sha512 is not the pinned one and writes nothing', () => {
    const tampered = gzipSync(tar([{ name: 'package/dist/webchat.js', body: 'evil()' }]));
    expect(() => fetchWebChat({ dest, pin, pack: packInto(tampered) })).toThrow(/tarball has integrity sha512-.*expected sha512-/);
    expect(existsSync(path.join(dest, 'webchat.js'))).toBe(false);
  });

  it('says which command failed and why when npm pack fails', () => {
    const fakeNpm = path.join(dest, 'npm-cli.js');
    writeFileSync(fakeNpm, 'console.error("npm error code E404"); process.exit(1);');
    vi.stubEnv('npm_execpath', fakeNpm);
    expect(() => npmPack('botframework-webchat@4.18.1', dest)).toThrow(FetchError);
    expect(() => npmPack('botframework-webchat@4.18.1', dest)).toThrow('`npm pack botframework-webchat@4.18.1` failed: npm error code E404');
  });

  it('left the pinned 4.18.1 bundle in node_modules/.cache after npm ci', () => {
    const real = readPin();
    expect(real.version).toBe('4.18.1');
    expect(sha256Of(readFileSync(path.join(DEFAULT_DEST, 'webchat.js')))).toBe(real.bundleSha256);
  });
});
