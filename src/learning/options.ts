/**
 * Tuning constants of the learning loop, each with the reason for its value.
 */
export const LEARNING_OPTIONS = Object.freeze({
  /**
   * Answers scoring under this are logged as low-confidence. The answer threshold is 0.45 and an
   * answer at 0.6 or more is given even with a rival close behind (DECISION_OPTIONS): answers in
   * between are the ones most likely to be wrong, so the editor sees them.
   */
  lowConfidenceScore: 0.55,
  /** Longest question text kept in an event; longer text is cut (the bot reads at most 1000 characters). */
  maxQuestionLength: 500,
  /** Two questions whose content words overlap at least this much (Jaccard) are grouped in the report. */
  groupSimilarity: 0.5,
  /** Examples shown per group or entry in the report. */
  examplesShown: 3,
  /** Groups and entries listed per report section. */
  topShown: 20,
});
