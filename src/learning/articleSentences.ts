import type { Article } from '../answering/types.js';

export interface ArticleSentence {
  readonly sectionId: string;
  readonly heading: string;
  readonly sentence: string;
}

/**
 * The article's paragraphs split into sentences: after ".", "!" or "?" and a space, before a
 * capital, digit or opening quote, so "$1.4 million" and "e.g. this" stay whole.
 */
export function articleSentences(article: Article): ArticleSentence[] {
  return article.sections.flatMap((section) =>
    section.paragraphs.flatMap((paragraph) =>
      paragraph
        .split(/(?<=[.!?])\s+(?=[A-Z0-9"“‘(])/)
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .map((sentence) => ({ sectionId: section.id, heading: section.heading, sentence })),
    ),
  );
}

/** A quote covers a sentence when one holds the other (quotes may be part of a sentence, or span two). */
export function covers(quote: string, sentence: string): boolean {
  return quote.includes(sentence) || sentence.includes(quote);
}
