import Fuse from 'fuse.js';
import { FuzzyBound } from './FuzzyBound.js';
import { MaxHeap } from './MaxHeap.js';
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
  /** How much of each ranking the caller reads; without it every candidate is ranked. */
  readonly needs?: RankingNeeds<T>;
}

/**
 * The part of a ranking a caller reads: per group of items (an answer, a known gap), the best
 * `perGroup` and every item within `margin` of the group's best. rank() then returns exactly those
 * items, in exactly the order and with exactly the scores a full ranking would give them, and
 * skips scoring entries that cannot reach them: the cost stays with the few that matter.
 */
export interface RankingNeeds<T> {
  readonly group: (item: T) => string;
  readonly perGroup: number;
  readonly margin: number;
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
  /** The IDF of each stem of each question, in the same order. */
  readonly questionIdfs: readonly (readonly number[])[];
  /** For each stem, the questions (indexes into `questions`) that hold it. */
  readonly questionsWith: ReadonlyMap<string, readonly number[]>;
  /** The same questions as strings of stems, for fuse.js. */
  readonly questionTexts: readonly string[];
  /** Stems of all questions, the title and keywords. */
  readonly questionBag: ReadonlySet<string>;
  /** Stems of the answer and the cited sentences. */
  readonly answerBag: ReadonlySet<string>;
}

/** The items holding a stem (ascending positions), and whether each holds it in its questions. */
interface Posting {
  readonly positions: Int32Array;
  readonly inQuestions: Uint8Array;
}

/**
 * Ranks knowledge entries for a message in two stages: an inverted index over stems finds the
 * entries that share a word with the message and scores them with IDF-weighted word overlap; fuse.js
 * then re-ranks the few best by fuzzy similarity to their alternate questions.
 *
 * The costly parts of a score (the best alternate question, fuse.js) are computed only where they
 * can matter: every candidate first gets the cheap parts (word overlap, added up posting by posting
 * into preallocated arrays) and an upper bound on its score; candidates are then scored fully in
 * order of that bound until no remaining one can enter the re-ranked few or the part of the ranking
 * the caller reads (RankingNeeds). fuse.js runs on the alternate questions of those few only, and
 * only on the questions whose character counts leave them a chance to beat the best so far
 * (FuzzyBound). Scores and order are the same as scoring every candidate fully.
 */
export class Matcher<T> {
  private readonly indexed: readonly IndexedItem<T>[];
  private readonly positionOf: ReadonlyMap<T, number>;
  private readonly postings = new Map<string, Posting>();
  private readonly idfByStem = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly options: MatchingOptions;
  private readonly rarity: (word: string) => number;
  private readonly needs: RankingNeeds<T> | undefined;
  /** Group number of each item (all 0 without needs). */
  private readonly groupOf: Int32Array;
  private readonly groupCount: number;

  // Per-query scratch space, one slot per item, reused by every query (see rank()).
  private stamp = 0;
  private readonly seen: Uint32Array;
  private readonly order: Int32Array;
  private readonly saidInQuestions: Float64Array;
  private readonly saidAnywhere: Float64Array;
  private readonly sharedInQuestions: Float64Array;
  private readonly sharedAnywhere: Float64Array;
  private readonly bound: Float64Array;
  private readonly heaps: readonly MaxHeap[];
  /** Per question of one item: the weight it shares with the query (all 0 between calls). */
  private readonly sharedScratch: Float64Array;

  /** fuse.js similarities for the last pattern: one message is ranked up to three times. */
  private fuzzyPattern: string | undefined;
  private readonly fuzzyByPosition = new Map<number, number>();
  private fuzzyBound: FuzzyBound | undefined;

  constructor(items: readonly T[], settings: MatcherSettings<T>) {
    this.options = settings.options ?? MATCHING_OPTIONS;
    this.rarity = settings.rarity ?? (() => 1);
    this.needs = settings.needs;
    const described = items.map((item) => ({ item, questions: questionStems(settings.describe(item), settings.normalizer) }));
    const lists = new Map<string, { positions: number[]; inQuestions: number[] }>();
    described.forEach(({ questions }, position) => {
      const { questionBag, answerBag } = questions;
      for (const stem of new Set([...questionBag, ...answerBag])) {
        const list = lists.get(stem) ?? { positions: [], inQuestions: [] };
        list.positions.push(position);
        list.inQuestions.push(questionBag.has(stem) ? 1 : 0);
        lists.set(stem, list);
      }
    });
    const n = items.length;
    for (const [stem, list] of lists) {
      this.postings.set(stem, { positions: Int32Array.from(list.positions), inQuestions: Uint8Array.from(list.inQuestions) });
      this.idfByStem.set(stem, bm25Idf(n, list.positions.length));
    }
    // A word no entry contains probably names what the question is about, so it weighs like the
    // rarest word, scaled down by how common it is in English (see weigh()).
    this.unknownIdf = bm25Idf(n, 0);
    this.indexed = described.map(({ item, questions }) => ({
      item,
      ...questions,
      questionIdfs: questions.questions.map((q) => q.map((stem) => this.idf(stem))),
      questionsWith: questionsWith(questions.questions),
    }));
    this.positionOf = new Map(items.map((item, position) => [item, position]));

    const groups = new Map<string, number>();
    this.groupOf = Int32Array.from(items, (item) => {
      const key = this.needs?.group(item) ?? '';
      const known = groups.get(key);
      if (known !== undefined) return known;
      groups.set(key, groups.size);
      return groups.size - 1;
    });
    this.groupCount = Math.max(1, groups.size);
    this.seen = new Uint32Array(n);
    this.order = new Int32Array(n);
    this.saidInQuestions = new Float64Array(n);
    this.saidAnywhere = new Float64Array(n);
    this.sharedInQuestions = new Float64Array(n);
    this.sharedAnywhere = new Float64Array(n);
    this.bound = new Float64Array(n);
    this.sharedScratch = new Float64Array(Math.max(0, ...this.indexed.map((item) => item.questions.length)));
    this.heaps = Array.from({ length: this.groupCount }, () => new MaxHeap(n, this.bound));
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

  /** Share of the query's weight that the item contains: its coverage in rank(query) without context. */
  coverage(query: readonly WeightedTerm[], item: T): number {
    const position = this.positionOf.get(item);
    const total = sumWeights(query);
    if (position === undefined || total === 0) return 0;
    const indexed = this.indexed[position] as IndexedItem<T>;
    let anywhere = 0;
    for (const term of query) if (indexed.questionBag.has(term.stem) || indexed.answerBag.has(term.stem)) anywhere += term.weight;
    return anywhere / total;
  }

  /**
   * Entries sharing a word with the query, best first. `context` holds the subject words of the
   * previous answer: entries that share them get up to `context.bonus` more, so "and ChatGPT?" after
   * Sora's revenue prefers ChatGPT's revenue to ChatGPT's images. Context never dilutes the query:
   * "and Jarviz?" after SeedKM still finds Jarviz. With RankingNeeds, only the part of the ranking
   * the caller reads is returned.
   */
  rank(query: readonly WeightedTerm[], context?: FollowUpContext): Scored<T>[] {
    const total = sumWeights(query);
    if (total === 0) return [];
    const subject = context?.terms ?? [];
    const subjectTotal = sumWeights(subject);
    const bonus = context?.bonus ?? 0;
    const { weights } = this.options;
    const stamp = this.nextStamp();

    // 1. Candidates, in the order the index yields them (it breaks ties), and their word overlap.
    const candidates: number[] = [];
    for (const term of context?.restrictToSubject ? subject : query) {
      const posting = this.postings.get(term.stem);
      if (!posting) continue;
      for (const position of posting.positions) {
        if (this.seen[position] === stamp) continue;
        this.seen[position] = stamp;
        this.order[position] = candidates.length;
        this.saidInQuestions[position] = 0;
        this.saidAnywhere[position] = 0;
        this.sharedInQuestions[position] = 0;
        this.sharedAnywhere[position] = 0;
        candidates.push(position);
      }
    }
    this.accumulate(query, stamp, this.saidInQuestions, this.saidAnywhere);
    this.accumulate(subject, stamp, this.sharedInQuestions, this.sharedAnywhere);

    // 2. The cheap parts of each score, and a bound on the rest: the best alternate question
    // cannot share more of the query than all questions together.
    const parts = new Map<number, { coverageScore: number; answerScore: number; subjectScore: number; coverage: number }>();
    for (const heap of this.heaps) heap.clear();
    for (const position of candidates) {
      const followable = (this.indexed[position] as IndexedItem<T>).followable;
      const inQuestions = this.saidInQuestions[position] as number;
      const anywhere = this.saidAnywhere[position] as number;
      const sharedInQuestions = followable ? (this.sharedInQuestions[position] as number) : 0;
      const sharedAnywhere = followable ? (this.sharedAnywhere[position] as number) : 0;
      const coverageScore = weights.questionCoverage * (inQuestions / total);
      const answerScore = weights.answerCoverage * (anywhere / total);
      const subjectScore = subjectTotal > 0 ? bonus * (sharedInQuestions / subjectTotal) : 0;
      // The subject can only add evidence: an entry that covers the message alone stays covered.
      const coverage = context?.standsInForTopic
        ? Math.max(anywhere / total, (anywhere + sharedAnywhere) / (total + subjectTotal))
        : anywhere / total;
      parts.set(position, { coverageScore, answerScore, subjectScore, coverage });
      this.bound[position] = weights.bestQuestion * (inQuestions / total) + coverageScore + answerScore + subjectScore;
      (this.heaps[this.groupOf[position] as number] as MaxHeap).add(position);
    }
    for (const heap of this.heaps) heap.heapify();

    const querySet = new Set(query.map((term) => term.stem));
    const tokenScores = new Map<number, number>();
    const score = (position: number): number => {
      const part = parts.get(position) as { coverageScore: number; answerScore: number; subjectScore: number };
      const best = this.bestQuestion(query, querySet, total, this.indexed[position] as IndexedItem<T>);
      const tokenScore = weights.bestQuestion * best + part.coverageScore + part.answerScore + part.subjectScore;
      tokenScores.set(position, tokenScore);
      return tokenScore;
    };
    const byToken = (a: number, b: number): number =>
      (tokenScores.get(b) as number) - (tokenScores.get(a) as number) || (this.order[a] as number) - (this.order[b] as number);

    // 3. The few best by word overlap, exactly: score candidates best bound first until no
    // unscored one can reach the last of the few (ties included: index order breaks them).
    const few = this.options.rerankCandidates;
    const leaders: number[] = [];
    for (;;) {
      const heap = this.highestHeap();
      const fewthBest = leaders.length < few ? Number.NEGATIVE_INFINITY : (tokenScores.get(leaders[few - 1] as number) as number);
      if (!heap || heap.peekPriority() < fewthBest) break;
      const position = heap.pop();
      score(position);
      insertSorted(leaders, position, byToken);
      if (leaders.length > few) leaders.pop();
    }
    const scored = [...tokenScores.keys()];

    // 4. fuse.js refines the order of the few best by fuzzy similarity to their questions.
    const pattern = query.map((term) => term.stem).join(' ');
    const finals = new Map<number, number>();
    for (const position of scored) finals.set(position, tokenScores.get(position) as number);
    const fuzzyWeight = weights.fuzzy;
    for (const position of leaders) {
      finals.set(position, (tokenScores.get(position) as number) + fuzzyWeight * this.fuzzySimilarity(pattern, position));
    }

    // 5. The rest of what the caller reads: per group, score candidates best bound first until no
    // unscored one can reach the group's `perGroup`-th best or come within `margin` of its best.
    const floors = this.groupFloors(scored, finals);
    this.heaps.forEach((heap, group) => {
      const floor = floors[group] as GroupFloor;
      while (heap.length > 0 && heap.peekPriority() >= floor.value()) {
        const position = heap.pop();
        const tokenScore = score(position);
        finals.set(position, tokenScore);
        scored.push(position);
        floor.add(tokenScore);
      }
    });

    return scored
      .filter((position) => (finals.get(position) as number) >= (floors[this.groupOf[position] as number] as GroupFloor).value())
      .sort((a, b) => (finals.get(b) as number) - (finals.get(a) as number) || byToken(a, b))
      .map((position) => ({
        item: (this.indexed[position] as IndexedItem<T>).item,
        score: finals.get(position) as number,
        coverage: (parts.get(position) as { coverage: number }).coverage,
      }));
  }

  private nextStamp(): number {
    this.stamp = this.stamp >= 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.seen.fill(0);
    return this.stamp;
  }

  /** Adds each term's weight to the candidates holding it, term by term (the order of the sums of a full scoring). */
  private accumulate(terms: readonly WeightedTerm[], stamp: number, inQuestions: Float64Array, anywhere: Float64Array): void {
    for (const term of terms) {
      const posting = this.postings.get(term.stem);
      if (!posting) continue;
      const { positions } = posting;
      for (let i = 0; i < positions.length; i++) {
        const position = positions[i] as number;
        if (this.seen[position] !== stamp) continue;
        if (posting.inQuestions[i] === 1) inQuestions[position] = (inQuestions[position] as number) + term.weight;
        anywhere[position] = (anywhere[position] as number) + term.weight;
      }
    }
  }

  /** The heap whose top has the highest bound, or undefined when all are empty. */
  private highestHeap(): MaxHeap | undefined {
    let best: MaxHeap | undefined;
    for (const heap of this.heaps) if (heap.length > 0 && (!best || heap.peekPriority() > best.peekPriority())) best = heap;
    return best;
  }

  private groupFloors(scored: readonly number[], finals: ReadonlyMap<number, number>): GroupFloor[] {
    const floors = Array.from({ length: this.groupCount }, () => new GroupFloor(this.needs));
    for (const position of scored) (floors[this.groupOf[position] as number] as GroupFloor).add(finals.get(position) as number);
    return floors;
  }

  /**
   * IDF-weighted overlap of the query with its most similar alternate question: the words both
   * share, over the query's words plus a small penalty for the question's words the user did not say.
   */
  private bestQuestion(query: readonly WeightedTerm[], querySet: ReadonlySet<string>, total: number, item: IndexedItem<T>): number {
    if (item.questions.length === 0) return Number.NEGATIVE_INFINITY;
    // the weight each question shares with the query, added term by term in query order
    const shared = this.sharedScratch;
    const touched: number[] = [];
    for (const term of query) {
      for (const index of item.questionsWith.get(term.stem) ?? []) {
        if (shared[index] === 0) touched.push(index);
        shared[index] = (shared[index] as number) + term.weight;
      }
    }
    // a question sharing no word scores 0, which the best already is
    let best = 0;
    for (const index of touched) {
      const question = item.questions[index] as readonly string[];
      const idfs = item.questionIdfs[index] as readonly number[];
      let extra = 0;
      for (let i = 0; i < question.length; i++) if (!querySet.has(question[i] as string)) extra += idfs[i] as number;
      const similarity = (shared[index] as number) / (total + this.options.extraWordPenalty * extra);
      if (similarity > best) best = similarity;
      shared[index] = 0;
    }
    return best;
  }

  /**
   * fuse.js similarity of the query to the item's most similar alternate question, calling fuse.js
   * only for questions whose bounds say it could beat the best so far (most promising first):
   * usually once per item instead of once per alternate question.
   */
  private fuzzySimilarity(pattern: string, position: number): number {
    if (pattern !== this.fuzzyPattern) {
      this.fuzzyPattern = pattern;
      this.fuzzyBound = undefined;
      this.fuzzyByPosition.clear();
    }
    const known = this.fuzzyByPosition.get(position);
    if (known !== undefined) return known;
    const item = this.indexed[position] as IndexedItem<T>;
    this.fuzzyBound ??= new FuzzyBound(pattern, this.options.fuseThreshold);
    const bound = this.fuzzyBound;
    const texts = item.questionTexts
      .map((text) => ({ text, most: bound.upperBound(text) }))
      .filter((t) => t.most > 0)
      .sort((a, b) => b.most - a.most);
    let best = 0;
    for (const { text, most } of texts) {
      if (most <= best) break;
      const result = Fuse.match(pattern, text, {
        ignoreLocation: true,
        threshold: this.options.fuseThreshold,
        isCaseSensitive: true,
      });
      if (result.isMatch) best = Math.max(best, 1 - (result.score ?? 1));
    }
    this.fuzzyByPosition.set(position, best);
    return best;
  }
}

/**
 * The lowest score still read in one group: its `perGroup`-th best, or `margin` below its best if
 * that is lower; -Infinity while fewer are known, or when the caller reads every item.
 */
class GroupFloor {
  private readonly top: number[] = [];

  constructor(private readonly needs: Pick<RankingNeeds<unknown>, 'perGroup' | 'margin'> | undefined) {}

  add(score: number): void {
    if (!this.needs) return;
    const { top } = this;
    let i = top.length;
    while (i > 0 && (top[i - 1] as number) < score) i--;
    top.splice(i, 0, score);
    if (top.length > this.needs.perGroup) top.pop();
  }

  value(): number {
    if (!this.needs || this.top.length < this.needs.perGroup) return Number.NEGATIVE_INFINITY;
    // a hair below the margin, so that rounding never drops an item the caller compares by it
    return Math.min(this.top[this.top.length - 1] as number, (this.top[0] as number) - this.needs.margin - 1e-9);
  }
}

/** Inserts into a list kept sorted by `compare`. */
function insertSorted(list: number[], value: number, compare: (a: number, b: number) => number): void {
  let i = list.length;
  while (i > 0 && compare(list[i - 1] as number, value) > 0) i--;
  list.splice(i, 0, value);
}

/** BM25's inverse document frequency: rare words tell entries apart, common ones hardly do. */
function bm25Idf(documents: number, withTerm: number): number {
  return Math.log(1 + (documents - withTerm + 0.5) / (withTerm + 0.5));
}

function questionStems(described: Matchable, normalizer: TextNormalizer): Omit<IndexedItem<unknown>, 'item' | 'questionIdfs' | 'questionsWith'> {
  const questions = [described.title, ...described.questions].map((q) => normalizer.stems(q)).filter((q) => q.length > 0);
  const questionBag = new Set<string>([...questions.flat(), ...described.keywords.flatMap((k) => normalizer.stems(k))]);
  const answerBag = new Set<string>(described.body.flatMap((text) => normalizer.stems(text)));
  return { followable: described.followable, questions, questionTexts: questions.map((q) => q.join(' ')), questionBag, answerBag };
}

function questionsWith(questions: readonly (readonly string[])[]): Map<string, number[]> {
  const holding = new Map<string, number[]>();
  questions.forEach((question, index) => {
    for (const stem of new Set(question)) {
      const list = holding.get(stem) ?? [];
      list.push(index);
      holding.set(stem, list);
    }
  });
  return holding;
}

function sumWeights(terms: readonly WeightedTerm[]): number {
  return terms.reduce((sum, term) => sum + term.weight, 0);
}
