import { describe, expect, it } from 'vitest';
import { FuzzyBound } from '../../src/answering/FuzzyBound.js';
import { letterCounts } from '../../src/answering/LetterCounts.js';
import { FUSE_OPTIONS, fuseSimilarity, heldOutPatterns, knowledgeQuestions } from './fuseReference.js';

describe('FuzzyBound', () => {
  it('gives what fuse.js gives, never less, and its rough bound never less than that, on held-out messages against knowledge questions', () => {
    const texts = knowledgeQuestions()
      .flat()
      .filter((_, i) => i % 4 === 0);
    let matches = 0;
    for (const pattern of heldOutPatterns()) {
      const bound = new FuzzyBound(pattern, FUSE_OPTIONS.threshold);
      for (const text of texts) {
        const actual = fuseSimilarity(pattern, text);
        const most = bound.upperBound(text);
        if (actual > 0) matches += 1;
        expect(most, `${pattern} | ${text}`).toBeGreaterThanOrEqual(actual);
        expect(most - actual, `${pattern} | ${text}`).toBeLessThanOrEqual(1e-9);
        const rough = bound.roughUpperBound(letterCounts(text), 0);
        expect(rough, `${pattern} | ${text}`).toBeGreaterThanOrEqual(most);
        // told it only matters above some figure, it may read or count less, but stays a bound
        for (const atMost of [0, 0.3, 0.6, 0.9]) {
          const read = bound.upperBound(text, atMost);
          expect(read, `${pattern} | ${text} | ${String(atMost)}`).toBeGreaterThanOrEqual(most);
          if (most <= atMost) expect(read).toBeLessThanOrEqual(atMost);
          else expect(read).toBe(most);
          // and told the text's length too
          for (const early of [bound.roughUpperBound(letterCounts(text), 0, atMost), bound.roughUpperBound(letterCounts(text), 0, atMost, text.length)]) {
            expect(early, `${pattern} | ${text} | ${String(atMost)}`).toBeGreaterThanOrEqual(rough);
            if (rough <= atMost) expect(early).toBeLessThanOrEqual(atMost);
          }
        }
      }
    }
    expect(matches).toBeGreaterThan(100);
  });

  it('finds a typo one edit away, rules out unrelated text, and gives 1 only to the pattern itself', () => {
    const bound = new FuzzyBound('copilot pric', 0.5);
    expect(bound.upperBound('copliot pric')).toBeCloseTo(fuseSimilarity('copilot pric', 'copliot pric'), 9);
    expect(bound.upperBound('disney deal')).toBe(0);
    expect(new FuzzyBound('sora', 0.5).upperBound('sora')).toBe(1);
    expect(new FuzzyBound('sora', 0.5).upperBound('sora app')).toBe(fuseSimilarity('sora', 'sora app'));
    expect(new FuzzyBound('sora', 0.5).roughUpperBound(letterCounts('sora'), 0)).toBe(1);
  });

  it('keeps its rough bound a bound for characters outside letters and digits, and for repeated letters', () => {
    for (const [pattern, text] of [
      ['café crème', 'cafe creme brulee'],
      ['aaaaaaaa bbbb', `${'a'.repeat(300)} b`],
      ['sora+ $ 1.4', 'sora plus 1.4 billion'],
    ] as const) {
      const bound = new FuzzyBound(pattern, 0.5);
      expect(bound.upperBound(text)).toBeGreaterThanOrEqual(fuseSimilarity(pattern, text));
      expect(bound.roughUpperBound(letterCounts(text), 0)).toBeGreaterThanOrEqual(bound.upperBound(text));
    }
  });
});
