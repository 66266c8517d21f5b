import { tokenize } from './tokenize.js';
import { similarWord, singular } from './wordMatch.js';

/** Words too small to matter in a request for a person ("can I talk TO A human"). */
const FILLER = new Set(['a', 'an', 'the', 'to', 'with', 'me', 'i', 'please', 'can', 'could', 'would', 'like', 'my', 'some', 'from', 'of', 'for', 'your', 'let', 'now']);

/**
 * "Let me talk to a person": true when the message holds every word of one handoff pattern, in any
 * order, with typos of one letter forgiven on longer words.
 */
export class HandoffDetector {
  private readonly patterns: readonly (readonly string[])[];

  constructor(patterns: readonly string[]) {
    this.patterns = patterns.map((p) => tokenize(p).filter((w) => !FILLER.has(w)).map(singular));
  }

  matches(surface: readonly string[]): boolean {
    const words = surface.map(singular);
    return this.patterns.some((pattern) => pattern.every((p) => words.some((w) => similarWord(w, p))));
  }
}
