import { existsSync, readFileSync } from 'node:fs';
import { learningEventSchema, type LearningEvent } from './events.js';

export interface ReadEvents {
  readonly events: LearningEvent[];
  /** Lines that were not events of this version (damaged, or written by a newer bot). */
  readonly skipped: number;
  /** The files read, oldest first. */
  readonly files: string[];
}

/**
 * The review log as written by JsonLinesEventLog: the rotated `<file>.1` (older) if there is one,
 * then the file itself. A missing log reads as empty; lines that do not parse are counted, not fatal.
 */
export function readEvents(file: string): ReadEvents {
  const files = [`${file}.1`, file].filter((f) => existsSync(f));
  const events: LearningEvent[] = [];
  let skipped = 0;
  for (const f of files) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const parsed = learningEventSchema.safeParse(parseJson(line));
      if (parsed.success) events.push(parsed.data);
      else skipped++;
    }
  }
  return { events, skipped, files };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}
