import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { FuseScorer } from '../../src/answering/FuseScorer.js';
import { FUSE_OPTIONS, fuseSimilarity, heldOutPatterns, knowledgeQuestions } from './fuseReference.js';

describe('FuseScorer', () => {
  it('gives exactly what Fuse.match gives, with patterns alternating so that its kept searcher is replaced often', () => {
    const scorer = new FuseScorer(FUSE_OPTIONS.threshold);
    const patterns = heldOutPatterns();
    const texts = knowledgeQuestions()
      .flat()
      .filter((_, i) => i % 3 === 0);
    let compared = 0;
    texts.forEach((text, t) => {
      for (let p = t % 3; p < patterns.length; p += 3) {
        const pattern = patterns[p] as string;
        expect(scorer.similarity(pattern, text), `${pattern} | ${text}`).toBe(fuseSimilarity(pattern, text));
        compared += 1;
      }
    });
    expect(compared).toBeGreaterThan(1000);
  });

  it('agrees with Fuse.match on edge cases: equal, empty, long, accented and upper-case text', () => {
    const scorer = new FuseScorer(FUSE_OPTIONS.threshold);
    const long = 'why did openai shut down the sora app and end the disney deal';
    for (const [pattern, text] of [
      ['sora', 'sora'],
      ['sora', ''],
      ['', 'sora'],
      [long, `${long} so soon`],
      [long, 'sora'],
      ['café', 'cafe crème'],
      ['Sora', 'sora app'],
      ['sora', 'SORA app'],
    ] as const) {
      expect(scorer.similarity(pattern, text), `${pattern} | ${text}`).toBe(fuseSimilarity(pattern, text));
    }
  });

  it.each([0.2, 0.5, 0.8])('agrees with Fuse.match at threshold %s on random near-matching strings, patterns longer than 32 characters too', (threshold) => {
    const scorer = new FuseScorer(threshold);
    // a fixed linear congruential sequence: the same strings on every run
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const letters = 'abcdefgh ';
    const word = (length: number): string => Array.from({ length }, () => letters[next(letters.length)]).join('');
    // the pattern with a few random edits, inside other text: fuzzy matches at every error level
    const nearCopy = (pattern: string): string => {
      let text = pattern;
      for (let edits = next(8); edits > 0; edits--) {
        const at = next(text.length + 1);
        text = text.slice(0, at) + word(next(2)) + text.slice(at + next(2));
      }
      return word(next(6)) + text + word(next(6));
    };
    let matched = 0;
    for (let i = 0; i < 3000; i++) {
      const pattern = word(1 + next(45));
      const text = next(3) === 0 ? word(next(50)) : nearCopy(pattern);
      const result = Fuse.match(pattern, text, { ignoreLocation: true, threshold, isCaseSensitive: true });
      if (result.isMatch) matched += 1;
      expect(scorer.similarity(pattern, text), `${pattern} | ${text}`).toBe(result.isMatch ? 1 - (result.score ?? 1) : 0);
    }
    // matches and misses both, at every threshold
    expect(matched).toBeGreaterThan(300);
    expect(matched).toBeLessThan(2900);
  });
});
