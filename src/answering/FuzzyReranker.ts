import { FuseScorer } from './FuseScorer.js';
import { FuzzyBound } from './FuzzyBound.js';
import { LETTER_BUCKETS, letterCounts, mostCounts } from './LetterCounts.js';

/** An item's alternate questions as the reranker reads them. */
export interface FuzzyTexts {
  /** The questions as strings of stems, as fuse.js compares them. */
  readonly texts: readonly string[];
  /** letterCounts of each question, LETTER_BUCKETS slots per question in the same order. */
  readonly letters: Uint8Array;
  /** The most of each letter any one question holds: one rough bound for all of them. */
  readonly most: Uint8Array;
}

/** FuzzyTexts of an item's questions, built once with the index. */
export function fuzzyTexts(texts: readonly string[]): FuzzyTexts {
  const letters = new Uint8Array(texts.length * LETTER_BUCKETS);
  texts.forEach((text, index) => letterCounts(text, letters, index * LETTER_BUCKETS));
  return { texts, letters, most: mostCounts(letters, texts.length) };
}

/**
 * fuse.js similarity of a message's pattern to an item's most similar alternate question, with as
 * little work as gives the same figure: fuse.js is asked only about a question whose upper bound
 * is the highest left and above the best so far, so the result is fuse.js's best over all questions.
 * Bounds are refined only as needed. The question the caller expects to be the best (`likely`:
 * the best by shared words) gets FuzzyBound's edit bound (a pass over the text) first; every other
 * question starts with the letter-count bound, counted only until it falls to the likely
 * question's bound; a question whose bound is the highest left gets its edit bound, and fuse.js
 * runs only on a question whose edit bound is the highest left, which is the question it would run
 * on first if every edit bound were known. As that bound is fuse.js's own figure but for rare
 * cases, one call per item is the rule.
 *
 * One message is ranked up to three times with the same pattern: similarities are kept for the
 * last pattern (per item, by its position).
 */
export class FuzzyReranker {
  private readonly fuse: Pick<FuseScorer, 'similarity'>;
  private pattern: string | undefined;
  private bound: FuzzyBound | undefined;
  private readonly byPosition = new Map<number, number>();
  /** Per question of one item: its current bound, and 0 rough / 1 edit bound / 2 scored by fuse.js. */
  private readonly bounds: Float64Array;
  private readonly stage: Uint8Array;
  /** Which questions bestAmong() looks at. */
  private readonly order: Int32Array;

  /** @param fuse fuse.js, or in tests a scorer below the bounds, to take the paths fuse.js never takes here */
  constructor(
    private readonly threshold: number,
    mostQuestions: number,
    fuse?: Pick<FuseScorer, 'similarity'>,
  ) {
    this.fuse = fuse ?? new FuseScorer(threshold);
    this.bounds = new Float64Array(mostQuestions);
    this.stage = new Uint8Array(mostQuestions);
    this.order = new Int32Array(mostQuestions);
  }

  /**
   * The similarity of `pattern` to the item at `position`, or undefined when `tooLow` says even the
   * highest similarity the bounds allow is too low to matter (then nothing is remembered: another
   * ranking of the message may have a lower floor). `tooLow` is asked about a bound for all the
   * item's questions from letter counts, then about the highest edit bound of its questions.
   */
  similarity(pattern: string, position: number, questions: FuzzyTexts, likely: number, tooLow: (most: number) => boolean): number | undefined {
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
    if (texts.length === 0) {
      if (tooLow(0)) return undefined;
      this.byPosition.set(position, 0);
      return 0;
    }
    // the most letters any one question holds bound every question at once
    if (tooLow(bound.roughUpperBound(questions.most, 0))) return undefined;
    const { bounds, stage, order } = this;
    const first = likely >= 0 && likely < texts.length ? likely : 0;
    const firstBound = bound.upperBound(texts[first] as string);
    // the questions that could beat the likely one: its rival few, looked at first
    let count = 0;
    order[count++] = first;
    bounds[first] = firstBound;
    stage[first] = 1;
    for (let q = 0; q < texts.length; q++) {
      if (q === first) continue;
      const rough = bound.roughUpperBound(letters, q * LETTER_BUCKETS, firstBound, (texts[q] as string).length);
      bounds[q] = rough;
      stage[q] = 0;
      if (rough > firstBound) order[count++] = q;
    }
    let best = this.bestAmong(count, pattern, texts, 0, firstBound, tooLow);
    if (best === undefined) return undefined;
    if (best < firstBound) {
      // fuse.js gave the likely question less than its bound (not seen on the held-out
      // messages): the questions set aside for a bound at most that bound may beat it after all
      count = 0;
      for (let q = 0; q < texts.length; q++) if (stage[q] !== 2) order[count++] = q;
      best = this.bestAmong(count, pattern, texts, best, best, undefined) ?? best;
    }
    this.byPosition.set(position, best);
    return best;
  }

  /**
   * Best first among the questions in `order` (the first `count`): a question whose bound is the
   * highest left gets its edit bound if it has only its rough one (exact only above `cutoff`, the
   * figure expected to be the best), or else is scored by fuse.js, until no bound left is above
   * the best. `tooLow`, when given, is asked about the first highest edit bound (undefined when it
   * says so).
   */
  private bestAmong(
    count: number,
    pattern: string,
    texts: readonly string[],
    from: number,
    cutoff: number,
    tooLow: ((most: number) => boolean) | undefined,
  ): number | undefined {
    const { bounds, stage, order } = this;
    const bound = this.bound as FuzzyBound;
    let best = from;
    let ask = tooLow;
    for (;;) {
      let top = -1;
      for (let i = 0; i < count; i++) {
        const q = order[i] as number;
        if (stage[q] !== 2 && (top < 0 || (bounds[q] as number) > (bounds[top] as number))) top = q;
      }
      // a bound of 0 rules a question out, and every question left with it
      const most = top < 0 ? 0 : (bounds[top] as number);
      if (most > 0 && stage[top] === 0) {
        bounds[top] = bound.upperBound(texts[top] as string, cutoff);
        stage[top] = 1;
        continue;
      }
      // `most` is now the highest edit bound of the questions left (0 when none is above 0)
      if (ask !== undefined) {
        if (ask(most)) return undefined;
        ask = undefined;
      }
      if (most <= best) return best;
      best = Math.max(best, this.fuse.similarity(pattern, texts[top] as string));
      stage[top] = 2;
    }
  }
}
