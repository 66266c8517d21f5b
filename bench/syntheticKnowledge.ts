import type { FaqEntry, KnowledgeBase, NotCoveredTopic } from '../src/answering/types.js';

/**
 * An invented word per copy: letters only (no digits, which the tokenizer and the spelling
 * corrector treat apart), not English, and distinct for every copy ("zuvaq", "zuveq", ...).
 */
export function copyToken(copy: number): string {
  const consonants = 'bdfgklmnprstvz';
  const vowels = 'aeiou';
  const a = consonants[copy % consonants.length] ?? 'b';
  const b = vowels[Math.floor(copy / consonants.length) % vowels.length] ?? 'a';
  const c = vowels[Math.floor(copy / (consonants.length * vowels.length)) % vowels.length] ?? 'a';
  return `qx${a}${b}${c}q`;
}

/**
 * The knowledge base `factor` times larger: every FAQ entry and every known gap copied `factor`
 * times, ids suffixed, and a word of its own (copyToken) mixed into each copy's questions and
 * keywords, so that the copies are distinguishable by that word and tie without it. Built in memory
 * for the benchmark only; knowledge/ is never written.
 */
export function multiplyKnowledge(knowledge: KnowledgeBase, factor: number): KnowledgeBase {
  const entries: FaqEntry[] = [];
  const notCovered: NotCoveredTopic[] = [];
  for (let copy = 0; copy < factor; copy++) {
    const token = copyToken(copy);
    const suffix = (id: string): string => `${id}~${copy}`;
    for (const entry of knowledge.entries) {
      entries.push({
        ...entry,
        id: suffix(entry.id),
        questions: entry.questions.map((q, i) => (i % 2 === 0 ? `${q} ${token}` : `${token} ${q}`)),
        keywords: [...entry.keywords, token],
        related: entry.related.map(suffix),
      });
    }
    for (const topic of knowledge.notCovered) {
      notCovered.push({
        ...topic,
        id: suffix(topic.id),
        questions: topic.questions.map((q) => `${q} ${token}`),
        see: topic.see === undefined ? undefined : suffix(topic.see),
      });
    }
  }
  return { ...knowledge, entries, notCovered };
}
