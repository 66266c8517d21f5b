import { z } from 'zod';

/**
 * The review log's events: what the knowledge editor needs to see to improve the knowledge base.
 * Each carries the user's question in their own words (the issue asks for it), the channel, and a
 * hash of the conversation id (enough to tell events of one conversation apart, not to find it).
 *
 * One schema serves writing and reading: the report reads the log back through it and skips
 * lines it does not recognise (a newer or damaged log) instead of failing.
 */
const base = {
  /** Version of this line format; bump it when a field changes meaning. */
  v: z.literal(1),
  /** ISO 8601 time of the event. */
  time: z.string(),
  /** Hash of the channel's conversation id (see conversationHash.ts). */
  conversation: z.string(),
  channel: z.string(),
  /** The user's question in their words, capped (LEARNING_OPTIONS.maxQuestionLength). */
  question: z.string(),
};

const topicId = z.string().nullable();
const score = z.number().nullable();

export const learningEventSchema = z.discriminatedUnion('type', [
  /** Answered, but with a score close to the answer threshold: the answer may be wrong. */
  z.object({ ...base, type: z.literal('low-confidence'), topicId: z.string(), score: z.number() }),
  /** Not answered: off-topic, no match, a known gap (not-covered, topicId = the gap) or "Something else". */
  z.object({ ...base, type: z.literal('fallback'), reason: z.string(), topicId, score }),
  /** "Did you mean" shown with these entries. */
  z.object({ ...base, type: z.literal('clarify'), options: z.array(z.string()), score }),
  /** The user picked one of the "Did you mean" options for `question`: a candidate alternate question. */
  z.object({ ...base, type: z.literal('clarify-choice'), topicId: z.string() }),
  /** A 👍 or 👎 on an answer or tour step (topicId: entry id, or tour:<tour>/<step>). */
  z.object({ ...base, type: z.literal('feedback'), vote: z.enum(['up', 'down']), topicId: z.string() }),
  /** What was wrong, picked after a 👎. */
  z.object({ ...base, type: z.literal('feedback-reason'), reason: z.string(), topicId: z.string() }),
  /** The user asked for a person (typed, or from the 👎 choices: then topicId is the answer they disliked). */
  z.object({ ...base, type: z.literal('handoff'), topicId }),
]);

export type LearningEvent = z.infer<typeof learningEventSchema>;
export type LearningEventType = LearningEvent['type'];

/** Distributes over the union, so each event kind keeps its own fields. */
type WithoutBase<T> = T extends unknown ? Omit<T, 'v' | 'time' | 'conversation' | 'channel' | 'question'> : never;

/** What a recorder says about an event; the common fields are filled in by whoever records it. */
export type EventDetails = WithoutBase<LearningEvent>;
