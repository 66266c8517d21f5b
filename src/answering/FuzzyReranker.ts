import { FuseScorer } from './FuseScorer.js';
import { FuzzyBound } from './FuzzyBound.js';
import { LETTER_BUCKETS, letterCounts } from './LetterCounts.js';

/** An item's alternate questions as the reranker reads them. */
export interface FuzzyTexts {
  /** The questions as strings of stems, as fuse.js compares them. */
  readonly texts: readonly string[];
  /** letterCounts of each question, LETTER_BUCKETS slots per question in the same order. */
  readonly letters: Uint8Array;
}

/** FuzzyTexts of an item's questions, built once with the index. */
export function fuzzyTexts(texts: readonly string[]): FuzzyTexts {
  const letters = new Uint8Array(texts.length * LETTER_BUCKETS);
  texts.forEach((text, index) => letterCounts(text, letters, index * LETTER_BUCKETS));
  return { texts, letters };
}

/**
 * fuse.js similarity of a message's pattern to an item's most similar alternate question, with as
 * little work as gives the same figure: fuse.js is asked only about a question whose upper bound
 * is the highest left and above the best so far, so the result is fuse.js's best over all questions.
 * Bounds are refined only as needed: every question starts with the letter-count bound (cheap), a
 * question whose rough bound is the highest left gets FuzzyBound's edit bound (a pass over the
 * text), and fuse.js runs only on a question whose edit bound is the highest left, which is the
 * question it would run on first if every edit bound were known. As that bound is fuse.js's own
 * figure but for rare cases, one call per item is the rule.
 *
 * One message is ranked up to three times with the same pattern: similarities are kept for the
 * last pattern (per item, by its position).
 */
export class FuzzyReranker {
  private readonly fuse: FuseScorer;
  private pattern: string | undefined;
  private bound: FuzzyBound | undefined;
  private readonly byPosition = new Map<number, number>();
  /** Per question of one item: its current bound, and 0 rough / 1 edit bound / 2 scored by fuse.js. */
  private readonly bounds: Float64Array;
  private readonly stage: Uint8Array;

  constructor(
    private readonly threshold: number,
    mostQuestions: number,
  ) {
    this.fuse = new FuseScorer(threshold);
    this.bounds = new Float64Array(mostQuestions);
    this.stage = new Uint8Array(mostQuestions);
  }

  /**
   * The similarity of `pattern` to the item at `position`, or undefined when `tooLow` says even the
   * highest similarity the bounds allow is too low to matter (then nothing is remembered: another
   * ranking of the message may have a lower floor). `tooLow` is asked about the highest edit bound
   * of the item's questions (or about a rough bound above it, when that is already too low).
   */
  similarity(pattern: string, position: number, questions: FuzzyTexts, tooLow: (most: number) => boolean): number | undefined {
    if (pattern !== this.pattern) {
      this.pattern = pattern;
      this.bound = undefined;
      this.byPosition.clear();
    }
    const known = this.byPosition.get(position);
    if (known !== undefined) return known;
    this.bound ??= new FuzzyBound(pattern, this.threshold);
    const bound = this.bound;
    const { texts, letters } = questions;
    const { bounds, stage } = this;
    let roughest = 0;
    for (let q = 0; q < texts.length; q++) {
      const rough = bound.roughUpperBound(letters, q * LETTER_BUCKETS);
      bounds[q] = rough;
      stage[q] = 0;
      if (rough > roughest) roughest = rough;
    }
    // the highest edit bound is at most the highest rough one
    if (tooLow(roughest)) return undefined;
    let best = 0;
    let asked = false;
    for (;;) {
      let top = -1;
      for (let q = 0; q < texts.length; q++) {
        if (stage[q] !== 2 && (top < 0 || (bounds[q] as number) > (bounds[top] as number))) top = q;
      }
      // a bound of 0 rules a question out, and every question left with it
      const most = top < 0 ? 0 : (bounds[top] as number);
      if (most > 0 && stage[top] === 0) {
        bounds[top] = bound.upperBound(texts[top] as string);
        stage[top] = 1;
        continue;
      }
      // `most` is now the highest edit bound of the item's questions (0 when none is left above 0)
      if (!asked) {
        asked = true;
        if (tooLow(most)) return undefined;
      }
      if (most <= best) break;
      best = Math.max(best, this.fuse.similarity(pattern, texts[top] as string));
      stage[top] = 2;
    }
    this.byPosition.set(position, best);
    return best;
  }
}
