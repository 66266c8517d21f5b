import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { KnowledgeError } from './KnowledgeError.js';
import { preparsedData } from './preparsedYaml.js';

/** Shows a path relative to the working folder, as an editor would type it. */
export type ShowPath = (file: string) => string;

/** The .yaml files of a folder, in name order (the order entries are read and ids claimed). */
export function listYaml(dir: string, rel: ShowPath): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new KnowledgeError(rel(dir), '-', 'folder is missing');
  }
  const files = names.filter((name) => /\.ya?ml$/.test(name)).sort();
  if (files.length === 0) throw new KnowledgeError(rel(dir), '-', 'holds no .yaml files');
  return files.map((name) => path.join(dir, name));
}

export function readYaml<S extends z.ZodType>(file: string, schema: S, rel: ShowPath): z.output<S> {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new KnowledgeError(rel(file), '-', 'file is missing or unreadable');
  }
  let data: unknown;
  try {
    data = preparsedData(source)?.data ?? parseYaml(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new KnowledgeError(rel(file), '-', `not valid YAML: ${reason}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined ? '-' : describeEntry(data, issue.path);
    const field = issue?.path.filter((part) => typeof part === 'string').slice(1).join('.') ?? '';
    throw new KnowledgeError(rel(file), where, `${field ? `${field} ` : ''}${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** Names an entry by its id when it has one, else by its 1-based position in the file. */
function describeEntry(data: unknown, issuePath: readonly PropertyKey[]): string {
  const [listName, index] = issuePath;
  if (typeof listName !== 'string' || typeof index !== 'number') return '-';
  const list = (data as Record<string, unknown> | null)?.[listName];
  const item = Array.isArray(list) ? (list[index] as unknown) : undefined;
  const itemId = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof itemId === 'string' ? `"${itemId}"` : `#${index + 1} of ${listName}`;
}
