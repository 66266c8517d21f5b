import { zipSync } from 'fflate';

/** A fixed timestamp, so the same settings always give the same zip, byte for byte. */
const FIXED_MTIME = new Date('2026-01-01T00:00:00Z');

/** A zip with the given files at its root (Teams wants manifest.json and the icons there, no folder). */
export function zipFiles(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  return zipSync({ ...files }, { level: 9, mtime: FIXED_MTIME });
}
