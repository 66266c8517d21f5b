/**
 * The shapes shared by the answering core. Nothing here knows about Bot Framework:
 * the bot, the terminal chat, the evaluation runner and the benchmarks all speak these types.
 */

/** One section of the article, in reading order, with the id answers link to. */
export interface ArticleSection {
  readonly id: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

export interface Article {
  readonly title: string;
  readonly sections: readonly ArticleSection[];
}

/** A sentence an answer rests on, resolved to the section it was found in. */
export interface Citation {
  readonly quote: string;
  readonly sectionId: string;
  readonly sectionHeading: string;
}

export interface FaqEntry {
  readonly id: string;
  /** Short label for "Did you mean ...?" buttons. */
  readonly title: string;
  /** Alternate phrasings; the first is the canonical question shown on buttons. */
  readonly questions: readonly string[];
  /** Subject words, carried over to resolve elliptical follow-ups ("and ChatGPT?"). */
  readonly keywords: readonly string[];
  readonly answer: string;
  readonly citations: readonly Citation[];
  /** Ids of entries a reader would ask about next (shown as buttons). */
  readonly related: readonly string[];
  /** The knowledge file the entry came from, for error messages and editors. */
  readonly file: string;
}

export interface SmallTalkIntent {
  readonly id: string;
  readonly patterns: readonly string[];
  readonly replies: readonly string[];
  /** Whether the reply offers the starter questions as buttons (greeting, help). */
  readonly offerStarters: boolean;
  /** What the conversation should do, for intents that steer it ("cancel", "start over", "menu"). */
  readonly action?: ConversationAction | undefined;
}

/** Requests that steer the conversation rather than ask about the article; honoured at every step of a tour. */
export type ConversationAction = 'help' | 'menu' | 'cancel' | 'restart';

/** A button under a tour step: go to another step of the tour, or to another tour (`tour:<id>`). */
export interface TourChoice {
  readonly label: string;
  readonly goto: string;
}

/** One stop of a guided tour: FAQ answers and/or its own text, every sentence backed by a quote. */
export interface TourStep {
  readonly id: string;
  readonly title: string;
  /** A line before the content ("Here's the short story."). */
  readonly lead?: string | undefined;
  readonly entries: readonly FaqEntry[];
  /** Text of the step's own, when no FAQ entry says it the way the tour needs. */
  readonly say?: string | undefined;
  /** The quotes behind `say`. */
  readonly citations: readonly Citation[];
  /** A line after the content, before the buttons ("Pick one to read the details:"). */
  readonly prompt?: string | undefined;
  readonly choices: readonly TourChoice[];
}

export interface Tour {
  readonly id: string;
  readonly title: string;
  /** Phrases naming what the tour is about; a tour request must stay within their words. */
  readonly subjects: readonly string[];
  /** At least one of these words must be in a request for this tour. */
  readonly anchors: readonly string[];
  readonly start: string;
  readonly steps: readonly TourStep[];
  readonly file: string;
}

/** Phrases that ask for a tour: strong ones ("walk me through") and plain ones ("tell me about"). */
export interface TourRequests {
  readonly strong: readonly string[];
  readonly plain: readonly string[];
}

/**
 * A question near the article's topics that the article does not answer ("How much does Copilot
 * cost?"). Matching one of these gives an honest "the article doesn't say", never a near miss.
 */
export interface NotCoveredTopic {
  readonly id: string;
  /** What the article does not say, completing "The article doesn't say ...". */
  readonly subject: string;
  readonly questions: readonly string[];
  /** An entry with what the article does say nearby, offered instead. */
  readonly see?: string | undefined;
  readonly file: string;
}

export interface KnowledgeBase {
  readonly article: Article;
  readonly entries: readonly FaqEntry[];
  readonly notCovered: readonly NotCoveredTopic[];
  /** Canonical word -> variants (words or phrases) rewritten to it before matching. */
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
  readonly smallTalk: readonly SmallTalkIntent[];
  /** Entries offered as first questions: on welcome, help and when nothing matched. */
  readonly starters: readonly FaqEntry[];
  /** Phrases that mean "let me talk to a person" anywhere in a message. */
  readonly handoffPatterns: readonly string[];
  /** Words that mean it only as the whole message ("agent", but not "AI agents"). */
  readonly handoffWhole: readonly string[];
  readonly tours: readonly Tour[];
  readonly tourRequests: TourRequests;
}

/** A scored knowledge entry considered for a question. */
export interface Candidate {
  readonly entry: FaqEntry;
  /** Confidence in 0..1. */
  readonly score: number;
}

export type OutcomeKind = 'answer' | 'clarify' | 'fallback' | 'smalltalk' | 'handoff';

/** Why the bot did not answer, kept for handoff tickets and the review log. */
export type FallbackReason = 'empty' | 'too-long' | 'no-match' | 'low-confidence' | 'off-topic' | 'not-covered' | 'declined';

export type Outcome =
  | { readonly kind: 'answer'; readonly entry: FaqEntry; readonly score: number; readonly related: readonly FaqEntry[]; readonly candidates: readonly Candidate[] }
  | { readonly kind: 'clarify'; readonly options: readonly Candidate[]; readonly score: number }
  | {
      readonly kind: 'fallback';
      readonly reason: FallbackReason;
      /** Set when the message matched a known gap of the article. */
      readonly notCovered?: NotCoveredTopic | undefined;
      readonly suggestions: readonly FaqEntry[];
      readonly candidates: readonly Candidate[];
    }
  | {
      readonly kind: 'smalltalk';
      readonly intent: SmallTalkIntent;
      readonly reply: string;
      readonly score: number;
      readonly suggestions: readonly FaqEntry[];
    }
  | { readonly kind: 'handoff'; readonly score: number };

/** What the core remembers between turns of one conversation (kept in conversation state by the bot). */
export interface ConversationMemory {
  /** Id of the entry answered last, used to resolve follow-ups. */
  readonly lastTopicId?: string | undefined;
  /** Buttons under the last reply that name an entry, so typing something like one counts as a tap. */
  readonly offered?: readonly OfferedChoice[] | undefined;
  /** The question a "Did you mean" is waiting on, with the entries it offered. */
  readonly pendingClarify?: { readonly question: string; readonly options: readonly string[] } | undefined;
  /** Questions the user already disambiguated (normalised question -> entry id), kept for the conversation. */
  readonly resolved?: Readonly<Record<string, string>> | undefined;
  /** Questions in a row the bot could not answer; at two the conversation goes to a person. Kept by the dialogs. */
  readonly fallbacksInARow?: number | undefined;
}

/** A button label and the entry it stands for. */
export interface OfferedChoice {
  readonly label: string;
  readonly entryId: string;
}
