import Fuse from 'fuse.js';
import { MATCHING_OPTIONS, type MatchingOptions } from './options.js';
import type { Term, TextNormalizer } from './TextNormalizer.js';

/** What the matcher needs to know of an item it ranks. */
export interface Matchable {
  readonly title: string;
  readonly questions: readonly string[];
  readonly keywords: readonly string[];
  /** Text that is not a question but says what the item is about: an answer, cited sentences. */
  readonly body: readonly string[];
  /** Whether a follow-up can continue from it (an answer can; a known gap of the article cannot). */
  readonly followable: boolean;
}

export interface MatcherSettings<T> {
  readonly describe: (item: T) => Matchable;
  readonly normalizer: TextNormalizer;
  readonly options?: MatchingOptions;
  /** 0..1: how telling an unknown word is (1 = rare, so probably the subject of the question). */
  readonly rarity?: (word: string) => number;
}

/** The previous answer's subject, for a message that follows up on it. */
export interface FollowUpContext {
  readonly terms: readonly WeightedTerm[];
  /** Most an entry gains by sharing all of the subject words. */
  readonly bonus: number;
  /**
   * When the message names no topic of its own, the subject stands in for it: its words then count
   * towards the share of the message an entry covers (the off-topic guard).
   */
  readonly standsInForTopic: boolean;
  /**
   * Only entries that share a subject word are ranked: the message points back at the previous
   * answer ("where does he work?" after Husson's remark) and a match elsewhere on a common word
   * ("how did Sora work") would be a non sequitur.
   */
  readonly restrictToSubject?: boolean;
}

/** A query term with the weight it carries in this query. */
export interface WeightedTerm {
  readonly stem: string;
  readonly weight: number;
}

export interface Scored<T> {
  readonly item: T;
  readonly score: number;
  /** Share of the query's weight that this entry's questions, keywords or answer contain. */
  readonly coverage: number;
}

interface IndexedItem<T> {
  readonly item: T;
  readonly followable: boolean;
  /** Stems of each alternate question (and of the title, which reads like a short question). */
  readonly questions: readonly (readonly string[])[];
  /** The same questions as strings of stems, for fuse.js. */
  readonly questionTexts: readonly string[];
  /** Stems of all questions, the title and keywords. */
  readonly questionBag: ReadonlySet<string>;
  /** Stems of the answer and the cited sentences. */
  readonly answerBag: ReadonlySet<string>;
}

/**
 * Ranks knowledge entries for a message in two stages: an inverted index over stems finds the
 * entries that share a word with the message and scores them with IDF-weighted word overlap; fuse.js
 * then re-ranks the few best by fuzzy similarity to their alternate questions. Cost grows with the
 * entries that share a word, not with the size of the knowledge base.
 */
export class Matcher<T> {
  private readonly indexed: readonly IndexedItem<T>[];
  private readonly postings = new Map<string, number[]>();
  private readonly idfByStem = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly options: MatchingOptions;
  private readonly rarity: (word: string) => number;

  constructor(items: readonly T[], settings: MatcherSettings<T>) {
    this.options = settings.options ?? MATCHING_OPTIONS;
    this.rarity = settings.rarity ?? (() => 1);
    this.indexed = items.map((item) => index(item, settings.describe(item), settings.normalizer));
    this.indexed.forEach((item, position) => {
      for (const stem of new Set([...item.questionBag, ...item.answerBag])) {
        const list = this.postings.get(stem) ?? [];
        list.push(position);
        this.postings.set(stem, list);
      }
    });
    const n = this.indexed.length;
    for (const [stem, list] of this.postings) this.idfByStem.set(stem, bm25Idf(n, list.length));
    // A word no entry contains probably names what the question is about, so it weighs like the
    // rarest word, scaled down by how common it is in English (see weigh()).
    this.unknownIdf = bm25Idf(n, 0);
  }

  /** Whether any entry contains this stem. */
  knows(stem: string): boolean {
    return this.postings.has(stem);
  }

  idf(stem: string): number {
    return this.idfByStem.get(stem) ?? this.unknownIdf;
  }

  /** Query terms with their weights: rare words count most, corrected typos a little less. */
  weigh(terms: readonly Term[]): WeightedTerm[] {
    const floor = this.options.commonWordFloor;
    return terms.map((term) => ({
      stem: term.stem,
      weight:
        (this.knows(term.stem)
          ? this.idf(term.stem) * (floor + (1 - floor) * this.rarity(term.word))
          : this.unknownIdf * this.rarity(term.word) ** this.options.unknownRarityExponent) *
        (term.corrected ? this.options.correctedTermWeight : 1),
    }));
  }

  /**
   * Entries sharing a word with the query, best first. `context` holds the subject words of the
   * previous answer: entries that share them get up to `context.bonus` more, so "and ChatGPT?" after
   * Sora's revenue prefers ChatGPT's revenue to ChatGPT's images. Context never dilutes the query:
   * "and Jarviz?" after SeedKM still finds Jarviz.
   */
  rank(query: readonly WeightedTerm[], context?: FollowUpContext): Scored<T>[] {
    const total = sumWeights(query);
    if (total === 0) return [];
    const subject = context?.terms ?? [];
    const subjectTotal = sumWeights(subject);
    const { weights } = this.options;
    const scored = this.candidates(context?.restrictToSubject ? subject : query).map((item) => {
      const said = overlap(query, item);
      const shared = item.followable ? overlap(subject, item) : { inQuestions: 0, anywhere: 0 };
      const tokenScore =
        weights.bestQuestion * this.bestQuestion(query, total, item) +
        weights.questionCoverage * (said.inQuestions / total) +
        weights.answerCoverage * (said.anywhere / total) +
        (subjectTotal > 0 ? (context?.bonus ?? 0) * (shared.inQuestions / subjectTotal) : 0);
      // The subject can only add evidence: an entry that covers the message alone stays covered.
      const coverage = context?.standsInForTopic
        ? Math.max(said.anywhere / total, (said.anywhere + shared.anywhere) / (total + subjectTotal))
        : said.anywhere / total;
      return { item, tokenScore, coverage };
    });
    return this.rerank(scored, query);
  }

  /** Entries that contain at least one of the terms. */
  private candidates(terms: readonly WeightedTerm[]): IndexedItem<T>[] {
    const positions = new Set<number>();
    for (const term of terms) for (const position of this.postings.get(term.stem) ?? []) positions.add(position);
    return [...positions].map((position) => this.indexed[position] as IndexedItem<T>);
  }

  /** fuse.js refines the order of the few best by fuzzy similarity to their questions. */
  private rerank(scored: { item: IndexedItem<T>; tokenScore: number; coverage: number }[], query: readonly WeightedTerm[]): Scored<T>[] {
    scored.sort((a, b) => b.tokenScore - a.tokenScore);
    const pattern = query.map((term) => term.stem).join(' ');
    const fuzzyWeight = this.options.weights.fuzzy;
    return scored
      .map((entry, position) => {
        const fuzzy = position < this.options.rerankCandidates ? this.fuzzySimilarity(pattern, entry.item) : 0;
        return { item: entry.item.item, score: entry.tokenScore + fuzzyWeight * fuzzy, coverage: entry.coverage };
      })
      .sort((a, b) => b.score - a.score);
  }

  private bestQuestion(query: readonly WeightedTerm[], total: number, item: IndexedItem<T>): number {
    return Math.max(...item.questions.map((question) => this.questionSimilarity(query, total, question)));
  }

  /**
   * IDF-weighted overlap of the query with one alternate question: the words both share, over the
   * query's words plus a small penalty for the question's words the user did not say.
   */
  private questionSimilarity(query: readonly WeightedTerm[], total: number, question: readonly string[]): number {
    let shared = 0;
    for (const term of query) if (question.includes(term.stem)) shared += term.weight;
    let extra = 0;
    for (const stem of question) if (!query.some((term) => term.stem === stem)) extra += this.idf(stem);
    return shared / (total + this.options.extraWordPenalty * extra);
  }

  private fuzzySimilarity(pattern: string, item: IndexedItem<T>): number {
    let best = 0;
    for (const text of item.questionTexts) {
      const result = Fuse.match(pattern, text, {
        ignoreLocation: true,
        threshold: this.options.fuseThreshold,
        isCaseSensitive: true,
      });
      if (result.isMatch) best = Math.max(best, 1 - (result.score ?? 1));
    }
    return best;
  }

}

/** BM25's inverse document frequency: rare words tell entries apart, common ones hardly do. */
function bm25Idf(documents: number, withTerm: number): number {
  return Math.log(1 + (documents - withTerm + 0.5) / (withTerm + 0.5));
}

function index<T>(item: T, described: Matchable, normalizer: TextNormalizer): IndexedItem<T> {
  const questions = [described.title, ...described.questions].map((q) => normalizer.stems(q)).filter((q) => q.length > 0);
  const questionBag = new Set<string>([...questions.flat(), ...described.keywords.flatMap((k) => normalizer.stems(k))]);
  const answerBag = new Set<string>(described.body.flatMap((text) => normalizer.stems(text)));
  return { item, followable: described.followable, questions, questionTexts: questions.map((q) => q.join(' ')), questionBag, answerBag };
}

function sumWeights(terms: readonly WeightedTerm[]): number {
  return terms.reduce((sum, term) => sum + term.weight, 0);
}

/** The weight of the terms found in an item's questions, and found anywhere in it. */
function overlap<T>(terms: readonly WeightedTerm[], item: IndexedItem<T>): { inQuestions: number; anywhere: number } {
  let inQuestions = 0;
  let anywhere = 0;
  for (const term of terms) {
    const inQuestion = item.questionBag.has(term.stem);
    if (inQuestion) inQuestions += term.weight;
    if (inQuestion || item.answerBag.has(term.stem)) anywhere += term.weight;
  }
  return { inQuestions, anywhere };
}
