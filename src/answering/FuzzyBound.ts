/** fuse.js Bitap searches patterns in pieces of at most this many characters (a 32-bit mask). */
const BITAP_CHUNK = 32;

interface Chunk {
  readonly length: number;
  /** Myers' match masks: bit i set where the chunk's i-th character is this one (ASCII by code, the rest in a map). */
  readonly ascii: Int32Array;
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
 * fuse.js's 0.001 floor, so it is never below fuse.js's own figure). Checked against fuse.js
 * itself on every pair of held-out question and knowledge question in tests/answering/FuzzyBound.test.ts.
 */
export class FuzzyBound {
  private readonly chunks: readonly Chunk[];

  constructor(
    pattern: string,
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
    this.chunks = pieces.map(chunkOf);
  }

  /** The most `1 - Fuse.match(pattern, text).score` can be; 0 when fuse.js cannot report a match. */
  upperBound(text: string): number {
    if (this.chunks.length === 0) return 1;
    let total = 0;
    let matchable = false;
    for (const chunk of this.chunks) {
      const least = fewestEdits(chunk, text) / chunk.length;
      if (least <= this.threshold) {
        matchable = true;
        total += least;
      } else {
        total += 1;
      }
    }
    return matchable ? 1 - total / this.chunks.length : 0;
  }
}

/** Fewest edits turning the chunk into some part of the text (Myers 1999, chunk of at most 32 characters). */
function fewestEdits(chunk: Chunk, text: string): number {
  const last = 1 << (chunk.length - 1);
  let positive = chunk.length === 32 ? -1 : (1 << chunk.length) - 1;
  let negative = 0;
  let score = chunk.length;
  let best = score;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const eq = code < 128 ? (chunk.ascii[code] as number) : (chunk.other.get(code) ?? 0);
    const xv = eq | negative;
    const xh = ((((eq & positive) + positive) | 0) ^ positive) | eq;
    let ph = negative | ~(xh | positive);
    let mh = positive & xh;
    if (ph & last) score += 1;
    else if (mh & last) score -= 1;
    ph <<= 1;
    mh <<= 1;
    positive = mh | ~(xv | ph);
    negative = ph & xv;
    if (score < best) best = score;
  }
  return best;
}

function chunkOf(piece: string): Chunk {
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  for (let i = 0; i < piece.length; i++) {
    const code = piece.charCodeAt(i);
    if (code < 128) ascii[code] = (ascii[code] as number) | (1 << i);
    else other.set(code, (other.get(code) ?? 0) | (1 << i));
  }
  return { length: piece.length, ascii, other };
}
