import { BoundedCache } from './BoundedCache.js';
import { editDistance } from './editDistance.js';

export interface CorrectionRules {
  /** Words of ordinary English: left alone even when the knowledge base lacks them. */
  readonly isRealWord?: (word: string) => boolean;
  /** Words the matcher ignores (stop words): a tie between two of them does not matter. */
  readonly isDropped?: (word: string) => boolean;
  /** Rare words written on purpose (synonym variants such as "clocking in"): never typos. */
  readonly isDeliberate?: (word: string) => boolean;
}

/**
 * Corrects words that are not in the knowledge base's vocabulary to the nearest word that is
 * ("deel" -> "deal", "copliot" -> "copilot"). Conservative on purpose: a wrong correction turns an
 * off-topic question into a confident wrong answer, so short words need the same first letter and
 * at most one edit, and between two equally near words the clearly more frequent one wins or,
 * when neither is, nothing is corrected.
 */
export class SpellCorrector {
  private readonly byLength = new Map<number, string[]>();
  /**
   * Misspellings inside the knowledge base itself: alternate questions such as "what was the
   * seedence clip" are written with typos on purpose, which would make "seedence" a known word
   * that is never corrected to "seedance". A rare non-word next to a much more frequent word is
   * taken for a typo of it.
   */
  private readonly knownTypos = new Map<string, string>();

  private readonly isRealWord: (word: string) => boolean;
  private readonly isDropped: (word: string) => boolean;

  /** @param frequency how often each known word occurs in the knowledge base */
  constructor(
    private readonly frequency: ReadonlyMap<string, number>,
    rules: CorrectionRules = {},
  ) {
    this.isRealWord = rules.isRealWord ?? (() => false);
    this.isDropped = rules.isDropped ?? (() => false);
    const isDeliberate = rules.isDeliberate ?? (() => false);
    for (const word of frequency.keys()) {
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
    for (const [word, count] of frequency) {
      if (count > 2 || word.length < 4 || this.isRealWord(word) || this.isDropped(word) || isDeliberate(word)) continue;
      const fix = this.nearest(word, (candidate) => (frequency.get(candidate) ?? 0) >= 5 * count);
      if (fix !== undefined) this.knownTypos.set(word, fix);
    }
  }

  /** Only the typos the knowledge base itself contains, for indexing knowledge text. */
  readonly knownTypo = (word: string): string | undefined => this.knownTypos.get(word);

  /** correct() scans the vocabulary for near words; each word is looked up once. */
  private readonly corrections = new BoundedCache<string | undefined>((word) => this.correctAfresh(word));

  /** The corrected word, or undefined when the word is known, too short, a number or ambiguous. */
  correct(word: string): string | undefined {
    return this.corrections.get(word);
  }

  private correctAfresh(word: string): string | undefined {
    const typo = this.knownTypos.get(word);
    if (typo !== undefined) return typo;
    if (this.frequency.has(word) || word.length < 3 || /\d/.test(word) || this.isRealWord(word)) return undefined;
    // a three-letter non-word is only a letter short of a known word ("kil" -> "kill")
    if (word.length === 3) {
      const longer = (this.byLength.get(4) ?? []).filter((c) => c[0] === word[0] && editDistance(word, c, 1) === 1);
      return this.unique(longer);
    }
    return this.nearest(word, () => true);
  }

  /** The single nearest accepted word, if there is exactly one or one clearly most frequent. */
  private nearest(word: string, accept: (candidate: string) => boolean): string | undefined {
    return this.unique(this.candidates(word, accept));
  }

  /** The known words at the smallest edit distance (within the limit for the word's length). */
  private candidates(word: string, accept: (candidate: string) => boolean): string[] {
    const limit = word.length >= 8 ? 2 : 1;
    let bestDistance = limit + 1;
    let nearest: string[] = [];
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        if (candidate === word || (word.length <= 5 && candidate[0] !== word[0]) || !accept(candidate)) continue;
        const distance = editDistance(word, candidate, bestDistance);
        if (distance < bestDistance) {
          bestDistance = distance;
          nearest = [candidate];
        } else if (distance === bestDistance && distance <= limit) {
          nearest.push(candidate);
        }
      }
    }
    return nearest;
  }

  /** The one candidate, or the clearly most frequent of several; undefined when it is a toss-up. */
  private unique(nearest: readonly string[]): string | undefined {
    if (nearest.length <= 1) return nearest[0];
    // "wher" is as near "where" as "when": both are dropped as stop words, so either will do
    if (nearest.every((candidate) => this.isDropped(candidate))) return nearest[0];
    const ranked = nearest
      .map((candidate) => ({ candidate, count: this.frequency.get(candidate) ?? 0 }))
      .sort((a, b) => b.count - a.count);
    const [first, second] = ranked as [{ candidate: string; count: number }, { candidate: string; count: number }];
    return first.count >= 2 * second.count ? first.candidate : undefined;
  }
}
