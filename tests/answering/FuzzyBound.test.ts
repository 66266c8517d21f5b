import Fuse from 'fuse.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FuzzyBound } from '../../src/answering/FuzzyBound.js';
import { loadKnowledge } from '../../src/answering/loadKnowledge.js';
import { SynonymRewriter } from '../../src/answering/SynonymRewriter.js';
import { TextNormalizer } from '../../src/answering/TextNormalizer.js';
import { loadCases } from '../../src/evaluation/cases.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const knowledge = loadKnowledge(path.join(root, 'knowledge'));
const normalizer = new TextNormalizer(new SynonymRewriter(knowledge.synonyms));
const stems = (text: string): string => normalizer.stems(text).join(' ');
const OPTIONS = { ignoreLocation: true, threshold: 0.5, isCaseSensitive: true };

function fuseSimilarity(pattern: string, text: string): number {
  const result = Fuse.match(pattern, text, OPTIONS);
  return result.isMatch ? 1 - (result.score ?? 1) : 0;
}

describe('FuzzyBound', () => {
  it('is never below what fuse.js gives, and within its 0.001 floor of it, on held-out messages against knowledge questions', () => {
    const patterns = [...new Set(loadCases(path.join(root, 'tests', 'fixtures', 'holdout2-cases.jsonl')).flatMap((c) => c.turns.map((t) => stems(t.say))))].filter(Boolean);
    const texts = [...new Set(knowledge.entries.flatMap((e) => e.questions.map(stems)))].filter((_, i) => i % 4 === 0);
    // long patterns too, which fuse.js searches in chunks of 32 characters
    patterns.push(`${patterns[0] ?? ''} ${patterns[1] ?? ''} ${patterns[2] ?? ''}`);
    let matches = 0;
    for (const pattern of patterns) {
      const bound = new FuzzyBound(pattern, OPTIONS.threshold);
      for (const text of texts) {
        const actual = fuseSimilarity(pattern, text);
        const most = bound.upperBound(text);
        if (actual > 0) matches += 1;
        expect(most, `${pattern} | ${text}`).toBeGreaterThanOrEqual(actual);
        expect(most - actual, `${pattern} | ${text}`).toBeLessThanOrEqual(0.0011);
      }
    }
    expect(matches).toBeGreaterThan(100);
  });

  it('finds a typo one edit away and rules out unrelated text', () => {
    const bound = new FuzzyBound('copilot pric', 0.5);
    expect(bound.upperBound('copliot pric')).toBeCloseTo(fuseSimilarity('copilot pric', 'copliot pric'), 2);
    expect(bound.upperBound('disney deal')).toBe(0);
    expect(new FuzzyBound('sora', 0.5).upperBound('sora')).toBe(1);
  });
});
