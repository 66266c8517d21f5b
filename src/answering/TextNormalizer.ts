import { stemmer } from 'stemmer';
import { BoundedCache } from './BoundedCache.js';
import { STOPWORDS } from './stopwords.js';
import type { SynonymRewriter } from './SynonymRewriter.js';
import { tokenize } from './tokenize.js';

/** Words that only add emphasis; dropped before phrases are matched. */
const INTENSIFIERS: ReadonlySet<string> = new Set(['actually', 'really', 'ever', 'even', 'just', 'truly', 'basically', 'literally', 'honestly']);

/** Porter stems by word: a pure function of the word, and messages repeat the same words. */
const stems = new BoundedCache<string>((word) => stemmer(word));

/** A content word of a message, reduced to the form the index stores. */
export interface Term {
  readonly stem: string;
  /** The word before stemming (after correction and synonyms), for rarity look-ups. */
  readonly word: string;
  /** True when the user's word was a typo fixed by the spelling corrector. */
  readonly corrected: boolean;
}

export interface Analysis {
  /** Words as typed (lower-cased), before any rewriting: follow-up cues read these. */
  readonly surface: readonly string[];
  /** The same words with typos corrected: small talk and handoff detection read these. */
  readonly words: readonly string[];
  /** Content terms: corrected, synonyms made canonical, stop words dropped, stemmed. */
  readonly terms: readonly Term[];
}

/** Whatever fixes misspelt words: the full corrector for messages, known typos only for knowledge. */
export interface WordFixer {
  correct(word: string): string | undefined;
}

/**
 * Turns text into terms. Knowledge text and user messages go through the same steps; user
 * messages get the full spelling corrector, knowledge text only the fix of typos its authors put
 * in on purpose (alternate questions such as "disney deel").
 */
export class TextNormalizer {
  /**
   * One turn reads the same message several times (interruption, tour request, button, question):
   * the last few analyses are kept. Few, so a benchmark cycling through many messages gains nothing.
   */
  private readonly recent = new BoundedCache<Analysis>((text) => this.analyzeAfresh(text), 4);

  constructor(
    private readonly synonyms: SynonymRewriter,
    private readonly corrector?: WordFixer,
  ) {}

  analyze(text: string): Analysis {
    return this.recent.get(text);
  }

  private analyzeAfresh(text: string): Analysis {
    const surface = tokenize(text);
    const words: string[] = [];
    /** The words the corrector put in, so that their terms weigh as corrections. */
    let fixedWords: Set<string> | undefined;
    for (const word of surface) {
      const fix = STOPWORDS.has(word) ? undefined : this.corrector?.correct(word);
      if (fix === undefined) {
        words.push(word);
      } else {
        words.push(fix);
        (fixedWords ??= new Set()).add(fix);
      }
    }
    // "did any money ACTUALLY change hands": intensifiers would break the phrase "money change hands"
    const canonical = this.synonyms.rewrite(words.filter((w) => !INTENSIFIERS.has(w)));
    const terms: Term[] = [];
    const seen = new Set<string>();
    for (const word of canonical) {
      if (STOPWORDS.has(word)) continue;
      const stem = stems.get(word);
      if (seen.has(stem)) continue;
      seen.add(stem);
      terms.push({ stem, word, corrected: fixedWords?.has(word) ?? false });
    }
    return { surface, words, terms };
  }

  /** Stems only, for indexing knowledge text. */
  stems(text: string): string[] {
    return this.analyze(text).terms.map((term) => term.stem);
  }
}
