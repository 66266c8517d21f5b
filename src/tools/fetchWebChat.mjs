#!/usr/bin/env node
// Puts the Web Chat browser bundle (botframework-webchat's dist/webchat.js, 3.9 MB) and its licence
// notices (dist/webchat.js.LICENSE.txt, which the bundle's first line points to; the package itself
// is MIT and ships no LICENSE file) into node_modules/.cache/botframework-webchat/, without installing the package: a full install is
// ~518 MB (React peers, stats.json) for the one file the chat page serves. Runs from `postinstall`
// (so `npm ci` ends with the bundle in place) and as `npm run webchat:fetch`.
//
// Plain JavaScript because it runs before `tsc`, with Node's own modules only (no dependency can be
// assumed during postinstall). The version and both hashes are pinned in src/web/webchat-pin.json:
// the tarball is checked against the registry's sha512 before anything is read from it, and the
// extracted bundle against its own sha256, which is also how a second run knows it can skip.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PIN_FILE = path.join(ROOT, 'src', 'web', 'webchat-pin.json');
export const DEFAULT_DEST = path.join(ROOT, 'node_modules', '.cache', 'botframework-webchat');
const BUNDLE_ENTRY = 'package/dist/webchat.js';
const LICENSE_ENTRY = 'package/dist/webchat.js.LICENSE.txt';

/** @returns {{ package: string, version: string, integrity: string, bundleSha256: string }} */
export function readPin(file = PIN_FILE) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export class FetchError extends Error {
  name = 'FetchError';
}

/** sha512 in the registry's "integrity" form (Subresource Integrity syntax). */
export function integrityOf(buffer) {
  return `sha512-${createHash('sha512').update(buffer).digest('base64')}`;
}

export function sha256Of(buffer) {
  return createHash('sha256').update(buffer).digest('hex');
}

/**
 * The files of an uncompressed tar archive whose paths are in `wanted`, as a Map path -> Buffer.
 * Understands what npm writes: ustar headers (name + prefix), pax extended headers ("x") and GNU
 * long names ("L"); every other entry is skipped by its size without being copied.
 */
export function readTarEntries(tar, wanted) {
  const found = new Map();
  let offset = 0;
  let longName;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break; // end-of-archive marker
    const size = octal(header.subarray(124, 136));
    const type = String.fromCharCode(header[156] || 48); // NUL means a regular file, like "0"
    const dataStart = offset + 512;
    if (dataStart + size > tar.length) throw new FetchError('the tarball is truncated');
    const data = tar.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      longName = paxPath(data) ?? longName;
      continue;
    }
    if (type === 'L') {
      longName = cString(data);
      continue;
    }
    const prefix = cString(header.subarray(345, 500));
    const name = longName ?? (prefix ? `${prefix}/${cString(header.subarray(0, 100))}` : cString(header.subarray(0, 100)));
    longName = undefined;
    if ((type === '0' || type === '7') && wanted.includes(name)) found.set(name, Buffer.from(data));
  }
  return found;
}

function cString(bytes) {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}

function octal(bytes) {
  const text = cString(bytes).trim();
  const value = text === '' ? 0 : Number.parseInt(text, 8);
  if (!Number.isFinite(value) || value < 0) throw new FetchError('the tarball has a corrupt header');
  return value;
}

/** The "path" record of a pax header: lines of "<length> <key>=<value>\n". */
function paxPath(data) {
  for (const line of data.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * Downloads the pinned tarball with the project's own npm (so the npm cache, registry settings and
 * proxy of the machine apply) into `dir` and returns its path.
 */
export function npmPack(spec, dir) {
  // Under npm (postinstall, npm run) npm_execpath is the npm that runs us; else the one on PATH.
  const execPath = process.env.npm_execpath;
  const [command, prefixArgs] =
    execPath && /\.c?js$/.test(execPath) ? [process.execPath, [execPath]] : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
  const result = spawnSync(command, [...prefixArgs, 'pack', spec, '--pack-destination', dir, '--ignore-scripts', '--silent'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
  });
  if (result.error || result.status !== 0) {
    const reason = result.error ? result.error.message : (result.stderr || result.stdout || `exit code ${result.status}`).trim();
    throw new FetchError(`\`npm pack ${spec}\` failed: ${reason.split('\n').slice(-3).join(' ')}`);
  }
  const tarball = readdirSync(dir).find((file) => file.endsWith('.tgz'));
  if (!tarball) throw new FetchError(`\`npm pack ${spec}\` wrote no tarball`);
  return path.join(dir, tarball);
}

/**
 * Makes sure `dest` holds the pinned webchat.js and webchat.js.LICENSE.txt. Returns "present" when the bundle was
 * already there with the pinned hash (no network, no npm), "fetched" otherwise.
 */
export function fetchWebChat({ dest = DEFAULT_DEST, pin = readPin(), pack = npmPack } = {}) {
  const bundleFile = path.join(dest, 'webchat.js');
  if (existsSync(bundleFile) && sha256Of(readFileSync(bundleFile)) === pin.bundleSha256) return 'present';

  const work = mkdtempSync(path.join(tmpdir(), 'webchat-fetch-'));
  try {
    const tarball = readFileSync(pack(`${pin.package}@${pin.version}`, work));
    const integrity = integrityOf(tarball);
    if (integrity !== pin.integrity) {
      throw new FetchError(`${pin.package}@${pin.version} tarball has integrity ${integrity}, expected ${pin.integrity}`);
    }
    const entries = readTarEntries(gunzipSync(tarball), [BUNDLE_ENTRY, LICENSE_ENTRY]);
    const bundle = entries.get(BUNDLE_ENTRY);
    if (!bundle) throw new FetchError(`${BUNDLE_ENTRY} is not in the tarball`);
    if (sha256Of(bundle) !== pin.bundleSha256) {
      throw new FetchError(`${BUNDLE_ENTRY} has sha256 ${sha256Of(bundle)}, expected ${pin.bundleSha256} (see ${path.relative(ROOT, PIN_FILE)})`);
    }
    const license = entries.get(LICENSE_ENTRY);
    if (!license) throw new FetchError(`${LICENSE_ENTRY} is not in the tarball`);
    mkdirSync(dest, { recursive: true });
    writeAtomically(path.join(dest, 'webchat.js.LICENSE.txt'), license);
    // the bundle last: its presence with the right hash is what marks the work as done
    writeAtomically(bundleFile, bundle);
    return 'fetched';
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Write then rename, so an interrupted run never leaves a half-written file that looks done. */
function writeAtomically(file, data) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

function main() {
  const pin = readPin();
  try {
    const result = fetchWebChat({ pin });
    const where = path.relative(process.cwd(), DEFAULT_DEST) || '.';
    console.log(result === 'present' ? `Web Chat ${pin.version} bundle already in ${where}` : `Web Chat ${pin.version} bundle saved to ${where}`);
  } catch (error) {
    const reason = error instanceof FetchError ? error.message : String(error);
    console.error(
      `\nCould not fetch the Web Chat bundle (${pin.package}@${pin.version}): ${reason}\n` +
        'The chat page needs it. Check the network or npm registry settings, then run: npm run webchat:fetch\n',
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
