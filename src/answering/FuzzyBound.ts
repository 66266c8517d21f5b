import { BUCKETS_RAREST_FIRST, LETTER_BUCKETS, letterCounts } from './LetterCounts.js';

/** fuse.js Bitap searches patterns in pieces of at most this many characters (a 32-bit mask). */
const BITAP_CHUNK = 32;

/** fuse.js reports a match of a chunk with no error as 0.001, not 0 (only a text equal to the pattern scores 0). */
const FUSE_SCORE_FLOOR = 0.001;

/** The characters past ASCII of a chunk that has none (nearly all): one empty map for all of them. */
const NO_OTHERS: ReadonlyMap<number, number> = new Map();

interface Chunk {
  readonly length: number;
  /** The fewest edits over `threshold` for this chunk: fuse.js reports no match with as many. */
  readonly unmatchable: number;
  /** How often each letter bucket (LetterCounts) occurs in the chunk, for the buckets it has. */
  readonly buckets: readonly number[];
  readonly bucketCounts: readonly number[];
  /** Myers' match masks: bit i set where the chunk's i-th character is this one (ASCII by code, the rest in a map). */
  readonly ascii: readonly number[];
  readonly other: ReadonlyMap<number, number>;
}

/**
 * An upper bound on the fuzzy similarity `1 - score` that fuse.js (`Fuse.match`, Bitap with
 * `ignoreLocation`) gives a pattern against a text, so that the matcher calls fuse.js only for
 * the alternate questions that could still beat the best so far. fuse.js stays the scorer; the
 * bound only tells which calls cannot change its result.
 *
 * Why it holds: with `ignoreLocation` a Bitap score is `errors / pattern length`, where `errors`
 * is the fewest edits (insert, delete, substitute) that turn the pattern into some part of the
 * text, and fuse.js reports no match above `threshold`. Myers' bit-parallel approximate matching
 * computes that fewest number of edits in one pass over the text, a few word operations per
 * character, with no allocation: far cheaper than a Bitap search, which allocates and rescans the
 * text once per error level. fuse.js cuts patterns longer than 32 characters into chunks, scores
 * each (1 when a chunk does not match) and averages; the bound does the same per chunk (without
 * fuse.js's floor: a chunk that matches scores at least 0.001 unless the whole text is the pattern).
 * Checked against fuse.js itself on every pair of held-out question and knowledge question in
 * tests/answering/FuzzyBound.test.ts: it is fuse.js's own figure there, so the matcher's first call
 * of fuse.js for an entry is usually its last.
 *
 * roughUpperBound() is a bound on that bound from letter counts alone (LetterCounts), a dozen
 * additions instead of a pass over the text, so that most questions of an entry need neither.
 */
export class FuzzyBound {
  private readonly chunks: readonly Chunk[];

  constructor(
    private readonly pattern: string,
    private readonly threshold: number,
  ) {
    const pieces: string[] = [];
    if (pattern.length > BITAP_CHUNK) {
      const remainder = pattern.length % BITAP_CHUNK;
      for (let i = 0; i < pattern.length - remainder; i += BITAP_CHUNK) pieces.push(pattern.slice(i, i + BITAP_CHUNK));
      if (remainder > 0) pieces.push(pattern.slice(pattern.length - BITAP_CHUNK));
    } else if (pattern.length > 0) {
      pieces.push(pattern);
    }
    this.chunks = pieces.map((piece) => chunkOf(piece, threshold));
  }

  /**
   * The most `1 - Fuse.match(pattern, text).score` can be; 0 when fuse.js cannot report a match. A
   * caller that only needs to know whether it is above `atMost` may get, once the characters read
   * so far rule that out, a bound at most `atMost` (still at least fuse.js's figure).
   */
  upperBound(text: string, atMost = Number.NEGATIVE_INFINITY): number {
    const { chunks } = this;
    // fuse.js's only score of 0, below its floor
    if (chunks.length === 0 || text === this.pattern) return 1;
    let total = 0;
    let matchable = false;
    for (let c = 0; c < chunks.length; c++) {
      const chunk = chunks[c] as Chunk;
      // one chunk: as many edits as leave at most `atMost` are enough to stop at (as is no match at all)
      const enough = Math.min(chunks.length === 1 ? chunk.length * (1 - atMost) : Number.POSITIVE_INFINITY, chunk.unmatchable);
      const least = fewestEdits(chunk, text, enough) / chunk.length;
      if (least <= this.threshold) {
        matchable = true;
        total += Math.max(FUSE_SCORE_FLOOR, least);
      } else {
        total += 1;
      }
    }
    return matchable ? 1 - total / chunks.length : 0;
  }

  /**
   * At least upperBound(text), from the text's letter counts (`counts` from `offset`, as
   * LetterCounts writes them): every letter of a chunk that the text holds fewer times than the
   * chunk is one edit at least (substituted or deleted; inserting never removes one), whichever
   * part of the text the chunk is matched to. Without fuse.js's floor, so it holds for a text equal
   * to the pattern too. A caller that only needs to know whether the bound is above `atMost` gets,
   * once the letters counted so far (or the text's length, when given) rule that out, a bound from
   * those letters alone: still at least upperBound(text), and at most `atMost`.
   */
  roughUpperBound(counts: Uint8Array, offset: number, atMost = Number.NEGATIVE_INFINITY, textLength = Number.POSITIVE_INFINITY): number {
    const { chunks, threshold } = this;
    if (chunks.length === 0) return 1;
    // one chunk (patterns up to 32 characters, nearly all): stop counting once the bound is low enough
    const low = chunks.length === 1 ? (chunks[0] as Chunk).length * (1 - atMost) : Number.POSITIVE_INFINITY;
    let total = 0;
    let matchable = false;
    for (let c = 0; c < chunks.length; c++) {
      const chunk = chunks[c] as Chunk;
      const { buckets, bucketCounts } = chunk;
      // and once the chunk cannot match at all
      const enough = Math.min(low, chunk.unmatchable);
      // a text shorter than the chunk lacks at least the difference: often enough without counting
      const shortBy = chunk.length - textLength;
      let missing = 0;
      if (shortBy >= enough) missing = shortBy;
      for (let b = 0; b < buckets.length && missing < enough; b++) {
        const excess = (bucketCounts[b] as number) - (counts[offset + (buckets[b] as number)] as number);
        if (excess > 0) missing += excess;
      }
      const least = missing / chunk.length;
      if (least <= threshold) {
        matchable = true;
        total += least;
      } else {
        total += 1;
      }
    }
    return matchable ? 1 - total / chunks.length : 0;
  }
}

/**
 * Fewest edits turning the chunk into some part of the text (Myers 1999, chunk of at most 32
 * characters), or, once that is sure to be at least `enough`, a figure between `enough` and it:
 * the edits of a part ending further on fall by one per character at most.
 */
function fewestEdits(chunk: Chunk, text: string, enough: number): number {
  // the chunk's tables in locals: the loop runs for every character of every question looked at
  const { ascii, other, length } = chunk;
  const top = length - 1;
  let positive = length === 32 ? -1 : (1 << length) - 1;
  let negative = 0;
  let score = length;
  let best = score;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const eq = code < 128 ? (ascii[code] as number) : (other.get(code) ?? 0);
    const xv = eq | negative;
    const xh = ((((eq & positive) + positive) | 0) ^ positive) | eq;
    const ph = negative | ~(xh | positive);
    const mh = positive & xh;
    // +1 where the last row's horizontal delta is positive, -1 where negative (never both)
    score += ((ph >>> top) & 1) - ((mh >>> top) & 1);
    const phs = ph << 1;
    const mhs = mh << 1;
    positive = mhs | ~(xv | phs);
    negative = phs & xv;
    if (score < best) best = score;
    // every later part ends with at least score - (characters left) edits
    if (best >= enough && score - (text.length - 1 - i) >= enough) return Math.min(best, score - (text.length - 1 - i));
  }
  return best;
}

function chunkOf(piece: string, threshold: number): Chunk {
  // a plain array: a typed array of this size is allocated outside the heap, ~1 µs each
  const ascii: number[] = new Array<number>(128).fill(0);
  let other: Map<number, number> | undefined;
  const counts = new Uint8Array(LETTER_BUCKETS);
  for (let i = 0; i < piece.length; i++) {
    const code = piece.charCodeAt(i);
    if (code < 128) ascii[code] = (ascii[code] as number) | (1 << i);
    else (other ??= new Map()).set(code, (other.get(code) ?? 0) | (1 << i));
  }
  letterCounts(piece, counts);
  // the letters a question most likely lacks first, so that a rough bound can stop early
  const buckets: number[] = [];
  const bucketCounts: number[] = [];
  for (const b of BUCKETS_RAREST_FIRST) {
    const count = counts[b] as number;
    if (count === 0) continue;
    buckets.push(b);
    bucketCounts.push(count);
  }
  // the same comparison as the bounds make (edits / length <= threshold), so rounding cannot differ
  let unmatchable = Math.floor(threshold * piece.length);
  while (unmatchable / piece.length <= threshold) unmatchable += 1;
  return { length: piece.length, unmatchable, ascii, other: other ?? NO_OTHERS, buckets, bucketCounts };
}
