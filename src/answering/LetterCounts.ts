/**
 * Letter counts of a text, for FuzzyBound.roughUpperBound: how often each bucket of characters
 * occurs. Letters and digits have a bucket each (what stems are made of); the space and everything
 * else share the last ones. Sharing a bucket only lowers the edits the counts prove, so the bound
 * stays a bound whatever the text holds.
 */
export const LETTER_BUCKETS = 38;

const SPACE_BUCKET = 36;
const OTHER_BUCKET = 37;

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
