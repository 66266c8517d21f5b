import { BoundedCache } from './BoundedCache.js';
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
  private readonly whole: ReadonlySet<string>;
  /** The pattern words each message word resembles (one typo forgiven), worked out once per word. */
  private readonly resembled: BoundedCache<ReadonlySet<string>>;

  /**
   * @param patterns phrases that ask for a person wherever they stand in a message
   * @param whole messages that ask for one only on their own ("agent", but not "what are AI agents?")
   */
  constructor(patterns: readonly string[], whole: readonly string[] = []) {
    this.patterns = patterns.map((p) => contentWords(p));
    this.whole = new Set(whole.map((w) => contentWords(w).join(' ')));
    const vocabulary = [...new Set(this.patterns.flat())];
    this.resembled = new BoundedCache((word) => new Set(vocabulary.filter((p) => similarWord(word, p))));
  }

  matches(message: readonly string[]): boolean {
    const words = message.filter((w) => !FILLER.has(w)).map(singular);
    if (this.whole.has(words.join(' '))) return true;
    // a pattern word is said when any message word resembles it: one set of them for all patterns
    const said = new Set<string>();
    for (const word of words) for (const p of this.resembled.get(word)) said.add(p);
    return this.patterns.some((pattern) => pattern.every((p) => said.has(p)));
  }
}

function contentWords(phrase: string): string[] {
  return tokenize(phrase).filter((w) => !FILLER.has(w)).map(singular);
}
