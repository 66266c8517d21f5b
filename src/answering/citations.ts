import { KnowledgeError } from './KnowledgeError.js';
import type { Article, Citation } from './types.js';

/**
 * Finds the section that holds a quoted sentence word for word. Every answer and tour step rests
 * on such quotes, so a quote the article does not contain stops start-up: it would show readers
 * a "source" that is not in the article.
 */
export function cite(quote: string, article: Article, file: string, where: string): Citation {
  const section = article.sections.find((s) => s.paragraphs.some((p) => p.includes(quote)));
  if (section === undefined) {
    throw new KnowledgeError(file, where, `cited sentence is not in the article word for word: "${quote}"`);
  }
  return { quote, sectionId: section.id, sectionHeading: section.heading };
}
