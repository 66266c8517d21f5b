import Fuse from 'fuse.js';
import path from 'node:path';
import { loadKnowledge } from '../../src/answering/loadKnowledge.js';
import { SynonymRewriter } from '../../src/answering/SynonymRewriter.js';
import { TextNormalizer } from '../../src/answering/TextNormalizer.js';
import { loadCases } from '../../src/evaluation/cases.js';

/** The options the matcher gives fuse.js. */
export const FUSE_OPTIONS = { ignoreLocation: true, threshold: 0.5, isCaseSensitive: true };

/** Plain fuse.js, as the matcher once called it: the figure every shortcut must give. */
export function fuseSimilarity(pattern: string, text: string): number {
  const result = Fuse.match(pattern, text, FUSE_OPTIONS);
  return result.isMatch ? 1 - (result.score ?? 1) : 0;
}

const root = path.resolve(import.meta.dirname, '..', '..');
const knowledge = loadKnowledge(path.join(root, 'knowledge'));
const normalizer = new TextNormalizer(new SynonymRewriter(knowledge.synonyms));
const stems = (text: string): string => normalizer.stems(text).join(' ');

/** Held-out messages as the matcher's patterns (strings of stems), and one longer than fuse.js's 32-character chunks. */
export function heldOutPatterns(): string[] {
  const patterns = [...new Set(loadCases(path.join(root, 'tests', 'fixtures', 'holdout2-cases.jsonl')).flatMap((c) => c.turns.map((t) => stems(t.say))))].filter(Boolean);
  patterns.push(`${patterns[0] ?? ''} ${patterns[1] ?? ''} ${patterns[2] ?? ''}`);
  return patterns;
}

/** Each knowledge entry's alternate questions as strings of stems, as the matcher indexes them. */
export function knowledgeQuestions(): string[][] {
  return knowledge.entries.map((e) => e.questions.map(stems).filter(Boolean));
}
