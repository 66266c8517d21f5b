import { stemmer } from 'stemmer';
import { SynonymRewriter } from '../answering/SynonymRewriter.js';
import { tokenize } from '../answering/tokenize.js';

/**
 * Words that do not change what a question asks: articles, auxiliaries, pronouns, politeness.
 * Question words ("when", "why", "how") and negations stay: "when did Sora close?" and "did Sora
 * close?" are different questions, while "is Sora closed" and "did Sora close" are the same.
 */
const FILLER: ReadonlySet<string> = new Set(
  'a an the of to in on at for about is are was were be been being am do does did has have had i me my we us our you your it its this that please can could would will tell'.split(' '),
);

/**
 * A question reduced to what it asks, for comparing questions with each other (the review report
 * groups unanswered questions with it, kb:check finds near-duplicate questions with it): the
 * answering core's tokens and synonyms, filler dropped, words stemmed. Deliberately independent of
 * the matcher's own normaliser, which is tuned for speed and recall rather than for this.
 */
export class QuestionKeys {
  private readonly synonyms: SynonymRewriter;

  constructor(synonyms: ReadonlyMap<string, readonly string[]>) {
    this.synonyms = new SynonymRewriter(synonyms);
  }

  key(question: string): ReadonlySet<string> {
    return new Set(this.synonyms.rewrite(tokenize(question)).filter((w) => !FILLER.has(w)).map((w) => stemmer(w)));
  }
}

/** Shared words over all words (Jaccard): 1 for the same words, 0 for none in common. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The form the knowledge loader compares questions in: lower case, punctuation gone. */
export function exactKey(question: string): string {
  return tokenize(question).join(' ');
}
