import { STOPWORDS } from './stopwords.js';
import type { SynonymRewriter } from './SynonymRewriter.js';
import { tokenize } from './tokenize.js';
import type { KnowledgeBase } from './types.js';

/** Every word the knowledge base uses, with how often: what the spelling corrector may correct to. */
export function vocabulary(knowledge: KnowledgeBase, synonyms: SynonymRewriter): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (word: string): void => {
    // Stop words are included so that "waht" becomes "what" and is then dropped, rather than
    // counting as an unknown word that makes the question look off-topic.
    if (word.length < 3 || /\d/.test(word)) return;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  };
  for (const entry of knowledge.entries) {
    for (const text of [entry.title, entry.answer, ...entry.questions, ...entry.keywords]) tokenize(text).forEach(add);
  }
  for (const word of synonyms.words()) add(word);
  // small-talk and handoff words too, or "helo" and "humn" would be corrected to KB words
  for (const intent of knowledge.smallTalk) for (const pattern of intent.patterns) tokenize(pattern).forEach(add);
  for (const pattern of [...knowledge.handoffPatterns, ...knowledge.handoffWhole]) tokenize(pattern).forEach(add);
  for (const word of STOPWORDS) if (word.length >= 4) add(word);
  return counts;
}
