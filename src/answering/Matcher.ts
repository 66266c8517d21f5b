import { FuzzyReranker, fuzzyTexts, type FuzzyTexts } from './FuzzyReranker.js';
import { MaxHeap } from './MaxHeap.js';
import { RankingFloors } from './RankingFloors.js';
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
  /**
   * Groups the caller reads only as the first item of the whole ranking: of these only the best,
   * and only where it could come first (at or above the best of every other group), is returned.
   */
  readonly leadOnly?: readonly string[];
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
  readonly questionIdfs: readonly Float64Array[];
  /** Each stem of each question as its number (Matcher.stemId), in the same order: read on every query. */
  readonly questionIds: readonly Int32Array[];
  /** For each stem, by its number (Matcher.stemId), the questions (indexes into `questions`) that hold it. */
  readonly questionsWith: ReadonlyMap<number, readonly number[]>;
  /** The same questions as strings of stems, for fuse.js (and their letter counts, for its bounds). */
  readonly questionTexts: FuzzyTexts;
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
  /** 1 where the item is followable (IndexedItem.followable), by position. */
  private readonly followableOf: Uint8Array;
  /** Group number of each item (all 0 without needs). */
  private readonly groupOf: Int32Array;
  private readonly groupCount: number;
  /** What the caller reads of each group, refilled for every use (floorsOf()). */
  private readonly floors: RankingFloors;

  // Per-query scratch space, one slot per item, reused by every query (see rank()).
  private stamp = 0;
  private readonly seen: Uint32Array;
  private readonly order: Int32Array;
  private readonly saidInQuestions: Float64Array;
  private readonly saidAnywhere: Float64Array;
  private readonly sharedInQuestions: Float64Array;
  private readonly sharedAnywhere: Float64Array;
  private readonly bound: Float64Array;
  /** The parts of a score known before the best question is (see rank(), step 2), and the coverage. */
  private readonly coverageScore: Float64Array;
  private readonly answerScore: Float64Array;
  private readonly subjectScore: Float64Array;
  private readonly coverageOf: Float64Array;
  /** Word-overlap score, and final score (with fuse.js for the re-ranked few), of scored items. */
  private readonly tokenScore: Float64Array;
  private readonly finalScore: Float64Array;
  /** The index of the alternate question bestQuestion() found most similar, of scored items: fuse.js's likely best too. */
  private readonly bestQuestionOf: Int32Array;
  private readonly heaps: readonly MaxHeap[];
  /** Per question of one item: the weight it shares with the query (all 0 between calls). */
  private readonly sharedScratch: Float64Array;
  /** The questions of one item that share a word with the query (bestQuestion's list). */
  private readonly touchedScratch: Int32Array;
  /** A number per stem of any question: comparing numbers is cheaper than looking strings up in a set. */
  private readonly stemId = new Map<string, number>();
  /** 1 for the stems of the query being ranked, by stemId (all 0 between calls). */
  private readonly inQuery: Uint8Array;

  private readonly fuzzy: FuzzyReranker;

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
      questionIdfs: questions.questions.map((q) => Float64Array.from(q, (stem) => this.idf(stem))),
      questionIds: questions.questions.map((q) => Int32Array.from(q, (stem) => this.idOf(stem))),
      questionsWith: questionsWith(questions.questions.map((q) => q.map((stem) => this.idOf(stem)))),
    }));
    this.positionOf = new Map(items.map((item, position) => [item, position]));
    this.followableOf = Uint8Array.from(this.indexed, (item) => (item.followable ? 1 : 0));

    const groups = new Map<string, number>();
    this.groupOf = Int32Array.from(items, (item) => {
      const key = this.needs?.group(item) ?? '';
      const known = groups.get(key);
      if (known !== undefined) return known;
      groups.set(key, groups.size);
      return groups.size - 1;
    });
    this.groupCount = Math.max(1, groups.size);
    const leadOnly = new Uint8Array(this.groupCount);
    for (const [key, group] of groups) if (this.needs?.leadOnly?.includes(key) === true) leadOnly[group] = 1;
    this.floors = new RankingFloors(this.needs, this.groupCount, leadOnly);
    this.seen = new Uint32Array(n);
    this.order = new Int32Array(n);
    this.saidInQuestions = new Float64Array(n);
    this.saidAnywhere = new Float64Array(n);
    this.sharedInQuestions = new Float64Array(n);
    this.sharedAnywhere = new Float64Array(n);
    this.bound = new Float64Array(n);
    this.coverageScore = new Float64Array(n);
    this.answerScore = new Float64Array(n);
    this.subjectScore = new Float64Array(n);
    this.coverageOf = new Float64Array(n);
    this.tokenScore = new Float64Array(n);
    this.finalScore = new Float64Array(n);
    this.bestQuestionOf = new Int32Array(n);
    this.sharedScratch = new Float64Array(Math.max(0, ...this.indexed.map((item) => item.questions.length)));
    this.touchedScratch = new Int32Array(this.sharedScratch.length);
    this.inQuery = new Uint8Array(this.stemId.size);
    this.heaps = Array.from({ length: this.groupCount }, () => new MaxHeap(n, this.bound));
    this.fuzzy = new FuzzyReranker(this.options.fuseThreshold, this.sharedScratch.length);
  }

  private idOf(stem: string): number {
    const known = this.stemId.get(stem);
    if (known !== undefined) return known;
    this.stemId.set(stem, this.stemId.size);
    return this.stemId.size - 1;
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
    // each term's stem number, -1 for a stem no question holds (read in query order by bestQuestion)
    const termIds = query.map((term) => this.stemId.get(term.stem) ?? -1);
    const queryIds = termIds.filter((id) => id >= 0);
    for (const id of queryIds) this.inQuery[id] = 1;
    try {
      return this.rankMarked(query, termIds, total, context);
    } finally {
      for (const id of queryIds) this.inQuery[id] = 0;
    }
  }

  /** rank(), with the query's stems marked in inQuery. */
  private rankMarked(query: readonly WeightedTerm[], termIds: readonly number[], total: number, context: FollowUpContext | undefined): Scored<T>[] {
    const subject = context?.terms ?? [];
    const subjectTotal = sumWeights(subject);
    const bonus = context?.bonus ?? 0;
    const { weights } = this.options;
    const stamp = this.nextStamp();

    // 1. Candidates, in the order the index yields them (it breaks ties), and their word overlap.
    // Candidates come from the query's words, whose weights are added in the same pass (term by
    // term, as accumulate() would), or from the subject's.
    const fromQuery = context?.restrictToSubject !== true;
    const candidates: number[] = [];
    const { seen, order, saidInQuestions, saidAnywhere, sharedInQuestions, sharedAnywhere } = this;
    for (const term of fromQuery ? query : subject) {
      const posting = this.postings.get(term.stem);
      if (!posting) continue;
      const { positions, inQuestions } = posting;
      const { weight } = term;
      for (let i = 0; i < positions.length; i++) {
        const position = positions[i] as number;
        if (seen[position] !== stamp) {
          seen[position] = stamp;
          order[position] = candidates.length;
          saidInQuestions[position] = 0;
          saidAnywhere[position] = 0;
          sharedInQuestions[position] = 0;
          sharedAnywhere[position] = 0;
          candidates.push(position);
        }
        if (fromQuery) {
          if (inQuestions[i] === 1) saidInQuestions[position] = (saidInQuestions[position] as number) + weight;
          saidAnywhere[position] = (saidAnywhere[position] as number) + weight;
        }
      }
    }
    if (!fromQuery) this.accumulate(query, stamp, saidInQuestions, saidAnywhere);
    this.accumulate(subject, stamp, sharedInQuestions, sharedAnywhere);

    // 2. The cheap parts of each score, and a bound on the rest: the best alternate question
    // cannot share more of the query than all questions together. (A loop over every candidate:
    // typed arrays held in locals, so that it stays a tight loop on a large knowledge base.)
    for (const heap of this.heaps) heap.clear();
    const { followableOf, groupOf, heaps } = this;
    const { coverageOf, coverageScore, answerScore, subjectScore, bound } = this;
    const standsInForTopic = context?.standsInForTopic === true;
    for (let c = 0; c < candidates.length; c++) {
      const position = candidates[c] as number;
      const followable = followableOf[position] === 1;
      const inQuestions = saidInQuestions[position] as number;
      const anywhere = saidAnywhere[position] as number;
      const sharedInQ = followable ? (sharedInQuestions[position] as number) : 0;
      const sharedAny = followable ? (sharedAnywhere[position] as number) : 0;
      const coverage = weights.questionCoverage * (inQuestions / total);
      const answer = weights.answerCoverage * (anywhere / total);
      const subjectPart = subjectTotal > 0 ? bonus * (sharedInQ / subjectTotal) : 0;
      // The subject can only add evidence: an entry that covers the message alone stays covered.
      coverageOf[position] = standsInForTopic ? Math.max(anywhere / total, (anywhere + sharedAny) / (total + subjectTotal)) : anywhere / total;
      coverageScore[position] = coverage;
      answerScore[position] = answer;
      subjectScore[position] = subjectPart;
      bound[position] = weights.bestQuestion * (inQuestions / total) + coverage + answer + subjectPart;
      (heaps[groupOf[position] as number] as MaxHeap).add(position);
    }
    for (const heap of heaps) heap.heapify();


    const { tokenScore: tokenScores, finalScore: finals } = this;
    const scored: number[] = [];
    const score = (position: number): number => {
      const best = this.bestQuestion(query, termIds, total, position);
      const tokenScore =
        weights.bestQuestion * best +
        (this.coverageScore[position] as number) +
        (this.answerScore[position] as number) +
        (this.subjectScore[position] as number);
      tokenScores[position] = tokenScore;
      finals[position] = tokenScore;
      scored.push(position);
      return tokenScore;
    };
    const byToken = (a: number, b: number): number =>
      (tokenScores[b] as number) - (tokenScores[a] as number) || (this.order[a] as number) - (this.order[b] as number);
    const byFinal = (a: number, b: number): number => (finals[b] as number) - (finals[a] as number) || byToken(a, b);

    // 3. The few best by word overlap, exactly: score candidates best bound first until no
    // unscored one can reach the last of the few (ties included: index order breaks them).
    const few = this.options.rerankCandidates;
    const leaders: number[] = [];
    for (;;) {
      const heap = this.highestHeap();
      const fewthBest = leaders.length < few ? Number.NEGATIVE_INFINITY : (tokenScores[leaders[few - 1] as number] as number);
      if (!heap || heap.peekPriority() < fewthBest) break;
      const position = heap.pop();
      score(position);
      insertSorted(leaders, position, byToken);
      if (leaders.length > few) leaders.pop();
    }

    // 4. fuse.js refines the order of the few best by fuzzy similarity to their questions. A leader
    // that could not reach its group's floor (what the caller reads) even with the highest fuzzy
    // similarity FuzzyBound allows it is left out of the result whatever fuse.js says, so fuse.js is
    // not asked; it keeps its word-overlap score, which is below the floor too. The floor is taken
    // from the scores known so far (word overlap where fuse.js has not run yet): it can only rise.
    const pattern = query.map((term) => term.stem).join(' ');
    const fuzzyWeight = weights.fuzzy;
    for (const position of leaders) {
      const tokenScore = tokenScores[position] as number;
      const floor = this.needs ? this.floorsOf(scored).value(this.groupOf[position] as number) : Number.NEGATIVE_INFINITY;
      const questions = (this.indexed[position] as IndexedItem<T>).questionTexts;
      const likely = this.bestQuestionOf[position] as number;
      const fuzzy = this.fuzzy.similarity(pattern, position, questions, likely, (most) => tokenScore + fuzzyWeight * most < floor);
      if (fuzzy !== undefined) finals[position] = tokenScore + fuzzyWeight * fuzzy;
    }

    // 5. The rest of what the caller reads: per group, score candidates best bound first until no
    // unscored one can reach the group's `perGroup`-th best or come within `margin` of its best.
    const floors = this.floorsOf(scored);
    this.heaps.forEach((heap, group) => {
      while (heap.length > 0 && heap.peekPriority() >= floors.value(group)) {
        const position = heap.pop();
        floors.add(group, score(position));
      }
    });

    return scored
      .filter((position) => (finals[position] as number) >= floors.value(this.groupOf[position] as number))
      .sort(byFinal)
      .map((position) => this.scoredItem(position));
  }

  private scoredItem(position: number): Scored<T> {
    return {
      item: (this.indexed[position] as IndexedItem<T>).item,
      score: this.finalScore[position] as number,
      coverage: this.coverageOf[position] as number,
    };
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

  /** The floors of every group from the current scores of the scored items (in the one RankingFloors, reused). */
  private floorsOf(scored: readonly number[]): RankingFloors {
    const { floors } = this;
    floors.clear();
    for (const position of scored) floors.add(this.groupOf[position] as number, this.finalScore[position] as number);
    return floors;
  }

  /**
   * IDF-weighted overlap of the query with its most similar alternate question: the words both
   * share, over the query's words plus a small penalty for the question's words the user did not say.
   */
  private bestQuestion(query: readonly WeightedTerm[], termIds: readonly number[], total: number, position: number): number {
    const item = this.indexed[position] as IndexedItem<T>;
    this.bestQuestionOf[position] = 0;
    if (item.questions.length === 0) return Number.NEGATIVE_INFINITY;
    // the weight each question shares with the query, added term by term in query order
    const shared = this.sharedScratch;
    const touched = this.touchedScratch;
    let touchedCount = 0;
    for (let t = 0; t < query.length; t++) {
      const id = termIds[t] as number;
      if (id < 0) continue;
      const holding = item.questionsWith.get(id);
      if (holding === undefined) continue;
      const { weight } = query[t] as WeightedTerm;
      for (const index of holding) {
        if (shared[index] === 0) touched[touchedCount++] = index;
        shared[index] = (shared[index] as number) + weight;
      }
    }
    // a question sharing no word scores 0, which the best already is
    let best = 0;
    const penalty = this.options.extraWordPenalty;
    for (let t = 0; t < touchedCount; t++) {
      const index = touched[t] as number;
      const sharedWeight = shared[index] as number;
      shared[index] = 0;
      // the unsaid words only lower a question's similarity: one sharing too little cannot win
      if (sharedWeight / total <= best) continue;
      const ids = item.questionIds[index] as Int32Array;
      const idfs = item.questionIdfs[index] as Float64Array;
      let extra = 0;
      for (let i = 0; i < ids.length; i++) if (this.inQuery[ids[i] as number] === 0) extra += idfs[i] as number;
      const similarity = sharedWeight / (total + penalty * extra);
      if (similarity > best) {
        best = similarity;
        this.bestQuestionOf[position] = index;
      }
    }
    return best;
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

function questionStems(described: Matchable, normalizer: TextNormalizer): Omit<IndexedItem<unknown>, 'item' | 'questionIdfs' | 'questionIds' | 'questionsWith'> {
  const questions = [described.title, ...described.questions].map((q) => normalizer.stems(q)).filter((q) => q.length > 0);
  const questionBag = new Set<string>([...questions.flat(), ...described.keywords.flatMap((k) => normalizer.stems(k))]);
  const answerBag = new Set<string>(described.body.flatMap((text) => normalizer.stems(text)));
  return { followable: described.followable, questions, questionTexts: fuzzyTexts(questions.map((q) => q.join(' '))), questionBag, answerBag };
}

function questionsWith(questions: readonly (readonly number[])[]): Map<number, number[]> {
  const holding = new Map<number, number[]>();
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
