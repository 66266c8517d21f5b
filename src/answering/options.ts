/**
 * Every tuning constant of the answering core, in one frozen object. Values were chosen on the
 * development cases plus a held-out set (tests/fixtures/holdout-cases.jsonl); change them only
 * with `npm run eval` figures before and after.
 */
export interface MatchingOptions {
  readonly correctedTermWeight: number;
  readonly extraWordPenalty: number;
  readonly weights: { readonly bestQuestion: number; readonly questionCoverage: number; readonly answerCoverage: number; readonly fuzzy: number };
  readonly rerankCandidates: number;
  readonly fuseThreshold: number;
  readonly commonWordFloor: number;
  readonly unknownRarityExponent: number;
  readonly followUpBonus: number;
  readonly contextBonus: number;
  readonly pointBackBonus: number;
}

export interface DecisionOptions {
  readonly answerThreshold: number;
  readonly clarifyThreshold: number;
  readonly clarifyMargin: number;
  readonly confidentScore: number;
  readonly minCoverage: number;
  readonly clarifyOptions: number;
  readonly relatedShown: number;
  readonly maxMessageLength: number;
}

export const MATCHING_OPTIONS: MatchingOptions = Object.freeze({
  /** A typo-corrected word counts for less than a word spelt right: the correction may be wrong. */
  correctedTermWeight: 0.8,
  /**
   * How much the words of an alternate question that the user did NOT say lower its similarity.
   * Small, because people omit words; not zero, or "what is Sora?" would tie with every Sora entry.
   */
  extraWordPenalty: 0.25,
  /** Blend of the signals into one score (they sum to 1). */
  weights: Object.freeze({
    /** similarity to the single best alternate question */
    bestQuestion: 0.5,
    /** share of the message's words found anywhere in the entry's questions and keywords */
    questionCoverage: 0.2,
    /** share found in the entry's answer and cited sentences */
    answerCoverage: 0.1,
    /** fuse.js character-level similarity to the best alternate question (typos, word forms) */
    fuzzy: 0.2,
  }),
  /** How many entries the token index passes on to fuse.js for re-ranking. */
  rerankCandidates: 6,
  /** fuse.js Bitap threshold: above this a question is no fuzzy match at all. */
  fuseThreshold: 0.5,
  /**
   * A known word that is also common English ("work", "part", "now") weighs less, down to this
   * share of its IDF: it appearing in one answer by chance must not make it decisive.
   */
  commonWordFloor: 0.4,
  /**
   * How steeply an unknown word's weight falls with how common it is in English: above 1, padding
   * such as "for my school report, ..." weighs little while a rare word ("bitcoin") keeps its full
   * weight and still marks the question as off-topic.
   */
  unknownRarityExponent: 1.5,
  /** Bonus for sharing the previous answer's subject words, when the message leans on it
   *  ("and ChatGPT?", "does it need wifi?") and when it does not (a gentle pull to the same topic). */
  followUpBonus: 0.2,
  contextBonus: 0.08,
  /** For a message that points back ("where does he work?") and names no topic: among the
   *  entries sharing the previous subject, sharing it counts this much. */
  pointBackBonus: 0.5,
});

export const DECISION_OPTIONS: DecisionOptions = Object.freeze({
  /** At or above this score the best entry is answered. */
  answerThreshold: 0.45,
  /**
   * Below answerThreshold but at or above this, and with a rival close behind, ask "Did you mean";
   * below it the article is taken not to cover the question.
   */
  clarifyThreshold: 0.38,
  /** Two entries closer than this are both offered when the best is not clearly ahead. */
  clarifyMargin: 0.03,
  /** Above this score an answer is given even when a rival is close (both are then good answers). */
  confidentScore: 0.6,
  /** Share of the message's weight that must be known words of the best entry; guards against
   *  off-topic questions that happen to share one word ("How much does Disney+ cost?"). */
  minCoverage: 0.5,
  /** How many options a "Did you mean" offers. */
  clarifyOptions: 3,
  /** How many related questions follow an answer, and how many suggestions a fallback offers. */
  relatedShown: 3,
  /** Longest message the matcher reads; longer ones get a polite request to shorten. */
  maxMessageLength: 1000,
});
