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

/**
 * Thresholds of `npm run kb:check`, measured on the shipped knowledge base (47 entries, about
 * 1000 questions): no two questions of different entries have the same content words, and only
 * two pairs reach 0.8 (both real neighbours), while 0.75 and below holds dozens of pairs that are
 * different questions on one subject ("what was the disney partnership about" / "what happened
 * to the disney agreement").
 */
export const KB_CHECK_OPTIONS = Object.freeze({
  /** An entry needs this many questions: readers word things differently, one wording is not enough. */
  minQuestions: 3,
  /**
   * Questions of different entries with exactly the same content words (filler, word order, word
   * forms and synonyms set aside) ask the same thing: which entry answers is a coin toss. An error.
   */
  sameQuestion: 1,
  /** From this overlap, questions of different entries are reported as a warning to look at. */
  nearDuplicate: 0.8,
  /** ...when the two have at least this many content words between them (below, one word decides). */
  nearDuplicateMinWords: 4,
});
