/**
 * Letter counts of a text, for FuzzyBound.roughUpperBound: how often each bucket of characters
 * occurs. Letters and digits have a bucket each (what stems are made of); the space and everything
 * else share the last ones. Sharing a bucket only lowers the edits the counts prove, so the bound
 * stays a bound whatever the text holds.
 */
export const LETTER_BUCKETS = 38;

const SPACE_BUCKET = 36;
const OTHER_BUCKET = 37;

/**
 * The buckets from the one an English text most likely lacks (anything but a letter, digits, rare
 * letters) to the one it most likely has: only an order to look at them in.
 */
export const BUCKETS_RAREST_FIRST: readonly number[] = [
  OTHER_BUCKET,
  ...Array.from({ length: 10 }, (_, d) => 26 + d),
  ...Array.from({ length: 26 }, (_, i) => bucketOf('zqxjkvbpgwyfmculdhrsnioate'.charCodeAt(i))),
  SPACE_BUCKET,
];

function bucketOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return 26 + code - 48;
  return code === 32 ? SPACE_BUCKET : OTHER_BUCKET;
}

/**
 * Writes the text's counts into `into` from `offset` (LETTER_BUCKETS slots, zero before). A count
 * stops at 255: a chunk of a pattern has at most 32 characters, so no bound reads higher.
 */
export function letterCounts(text: string, into = new Uint8Array(LETTER_BUCKETS), offset = 0): Uint8Array {
  for (let i = 0; i < text.length; i++) {
    const slot = offset + bucketOf(text.charCodeAt(i));
    if ((into[slot] as number) < 255) into[slot] = (into[slot] as number) + 1;
  }
  return into;
}

/** The most of each bucket that any one of `count` texts' counts (as letterCounts writes them) holds. */
export function mostCounts(letters: Uint8Array, count: number): Uint8Array {
  const most = new Uint8Array(LETTER_BUCKETS);
  for (let t = 0; t < count; t++) {
    for (let b = 0; b < LETTER_BUCKETS; b++) most[b] = Math.max(most[b] as number, letters[t * LETTER_BUCKETS + b] as number);
  }
  return most;
}
