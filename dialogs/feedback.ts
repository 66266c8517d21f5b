import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { LEARNING_OPTIONS } from '../src/learning/options.js';
import { MESSAGES } from '../src/messages.js';

/** What a 👎 can say was wrong; the ids go into the review log, the labels are in messages.ts. */
export const FEEDBACK_REASONS = ['wrong-answer', 'not-what-i-asked', 'too-little-detail', 'something-else'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/**
 * The data a feedback button sends back: a 👍 or 👎, the reason picked after a 👎, or "Talk to a
 * person" from there. It names the answer (entry id, or tour:<tour>/<step>) and carries the
 * question that led to it, so the log ties the vote to both even when the tap comes turns later.
 * Web Chat and the Emulator send it as a messageBack `value`, Teams as an Action.Submit's data.
 */
const feedbackValueSchema = z.object({
  feedback: z.enum(['up', 'down', 'reason', 'person']),
  topicId: z.string().min(1).max(200),
  question: z.string().max(LEARNING_OPTIONS.maxQuestionLength),
  reason: z.enum(FEEDBACK_REASONS).optional(),
});

export type FeedbackValue = z.infer<typeof feedbackValueSchema>;

/** A button that sends data, not words: the chat shows `display` as the user's message. */
export interface DataButton {
  readonly title: string;
  readonly display: string;
  readonly value: FeedbackValue;
}

/** The feedback a message carries, or undefined for an ordinary message (or data that is not ours). */
export function feedbackOf(activity: Pick<Partial<Activity>, 'value'>): FeedbackValue | undefined {
  const parsed = feedbackValueSchema.safeParse(activity.value);
  if (!parsed.success) return undefined;
  // a reason without the reason itself cannot be logged as one
  if (parsed.data.feedback === 'reason' && parsed.data.reason === undefined) return undefined;
  return parsed.data;
}

/** 👍 and 👎 for an answer or a tour step. */
export function voteButtons(topicId: string, question: string): DataButton[] {
  const about = { topicId, question: question.slice(0, LEARNING_OPTIONS.maxQuestionLength) };
  return [
    { title: MESSAGES.feedback.up, display: MESSAGES.feedback.up, value: { feedback: 'up', ...about } },
    { title: MESSAGES.feedback.down, display: MESSAGES.feedback.down, value: { feedback: 'down', ...about } },
  ];
}

/** After a 👎: one tap says what was wrong, or asks for a person. */
export function reasonButtons(about: Pick<FeedbackValue, 'topicId' | 'question'>): DataButton[] {
  const { topicId, question } = about;
  return [
    ...FEEDBACK_REASONS.map((reason): DataButton => {
      const label = MESSAGES.feedback.reasons[reason];
      return { title: label, display: label, value: { feedback: 'reason', topicId, question, reason } };
    }),
    { title: MESSAGES.handoffButton, display: MESSAGES.handoffButton, value: { feedback: 'person', topicId, question } },
  ];
}
