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

/**
 * Like similarWord, and from four letters also a missing or extra letter ("helo" / "hello",
 * "kinds" / "kind"). Only for small talk, whose few words are rarely confused: in a handoff
 * pattern "back" would match "black" ("who called Sora a black hole?").
 */
export function looselySimilarWord(a: string, b: string): boolean {
  if (similarWord(a, b)) return true;
  return Math.min(a.length, b.length) >= 4 && a.length !== b.length && editDistance(a, b, 1) <= 1;
}
