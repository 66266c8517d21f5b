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
});
