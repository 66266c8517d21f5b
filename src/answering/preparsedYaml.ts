import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';

/**
 * Knowledge files parsed at build time, keyed by the SHA-256 of their exact text: the yaml
 * package's first parse in a fresh process (its code not yet optimised) took ~0.1 s of start-up,
 * reading the same data as JSON ~1 ms. Only the YAML-to-data step is skipped, and only for text
 * that is byte for byte what was parsed at build time: a file edited since is parsed as usual, and
 * validation (schema, ids, citations) always runs, so a broken file still stops start-up.
 */
export type PreparsedYaml = ReadonlyMap<string, unknown>;

let preparsed: PreparsedYaml = new Map();

/** The parsed data of this exact text, when the build parsed it. */
export function preparsedData(source: string): { readonly data: unknown } | undefined {
  if (preparsed.size === 0) return undefined;
  const key = sha256(source);
  return preparsed.has(key) ? { data: preparsed.get(key) } : undefined;
}

/** Makes readYaml use the file written by writePreparsedYaml; a missing or unreadable file means none. */
export function usePreparsedYaml(file: string): void {
  try {
    const documents = (JSON.parse(readFileSync(file, 'utf8')) as { documents?: Record<string, unknown> }).documents ?? {};
    preparsed = new Map(Object.entries(documents));
  } catch {
    preparsed = new Map();
  }
}

/**
 * Parses every .yaml file under `dir` and writes them, by hash, to `file`. A file that is not valid
 * YAML, or whose data JSON cannot carry exactly (such as .nan), is left out: it is parsed at start.
 */
export function writePreparsedYaml(dir: string, file: string): number {
  const documents: Record<string, unknown> = {};
  for (const source of yamlSources(dir)) {
    let data: unknown;
    try {
      data = parseYaml(source);
    } catch {
      continue;
    }
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(data) ?? 'null'), data)) documents[sha256(source)] = data;
  }
  writeFileSync(file, JSON.stringify({ documents }));
  return Object.keys(documents).length;
}

function yamlSources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
