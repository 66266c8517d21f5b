import { describe, expect, it } from 'vitest';
import { FuzzyReranker, fuzzyTexts } from '../../src/answering/FuzzyReranker.js';
import { FUSE_OPTIONS, fuseSimilarity, heldOutPatterns, knowledgeQuestions } from './fuseReference.js';

describe('FuzzyReranker', () => {
  const entries = knowledgeQuestions().map(fuzzyTexts);
  const mostQuestions = Math.max(...entries.map((e) => e.texts.length));
  const best = (pattern: string, texts: readonly string[]): number => Math.max(0, ...texts.map((text) => fuseSimilarity(pattern, text)));

  it("gives fuse.js's best similarity over an entry's questions, for every held-out message and entry", () => {
    const reranker = new FuzzyReranker(FUSE_OPTIONS.threshold, mostQuestions);
    for (const pattern of heldOutPatterns()) {
      entries.forEach((entry, position) => {
        expect(reranker.similarity(pattern, position, entry, () => false), `${pattern} | ${String(position)}`).toBe(best(pattern, entry.texts));
      });
    }
  });

  it('leaves out only entries that could not reach what tooLow asks, and then remembers nothing', () => {
    const reranker = new FuzzyReranker(FUSE_OPTIONS.threshold, mostQuestions);
    let left = 0;
    for (const pattern of heldOutPatterns().slice(0, 40)) {
      entries.forEach((entry, position) => {
        const actual = best(pattern, entry.texts);
        const result = reranker.similarity(pattern, position, entry, (most) => most < 0.6);
        if (result === undefined) {
          left += 1;
          expect(actual).toBeLessThan(0.6);
          // asked again without a floor: computed then, not taken from a remembered figure
          expect(reranker.similarity(pattern, position, entry, () => false)).toBe(actual);
        } else {
          expect(result).toBe(actual);
        }
      });
    }
    expect(left).toBeGreaterThan(100);
  });
});
