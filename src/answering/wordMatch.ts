import { editDistance } from './editDistance.js';

/**
 * Plurals and -ing/-ed forms to the plain word, and nothing more: a full stemmer would make
 * "agentic" into "agent" and send "agentic AI with less human control" to a person.
 */
export function singular(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Equal, or one typo apart when both words are long enough for a typo to be told from another word. */
export function similarWord(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 5 && b.length >= 5 && editDistance(a, b, 1) <= 1;
}
