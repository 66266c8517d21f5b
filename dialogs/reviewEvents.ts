import type { TurnContext } from 'botbuilder';
import type { Reply } from '../src/answering/Answerer.js';
import type { ConversationMemory } from '../src/answering/types.js';
import { conversationHash } from '../src/learning/conversationHash.js';
import type { EventDetails } from '../src/learning/events.js';
import { LEARNING_OPTIONS } from '../src/learning/options.js';
import type { LearningDeps } from './DialogDeps.js';

/** Records one review event with what every event carries: time, hashed conversation, channel, question. */
export function recordReview(learning: LearningDeps, context: TurnContext, question: string, details: EventDetails): void {
  const { activity } = context;
  learning.events.record({
    v: 1,
    time: new Date().toISOString(),
    conversation: conversationHash(activity.conversation.id),
    channel: activity.channelId,
    question: question.slice(0, LEARNING_OPTIONS.maxQuestionLength),
    ...details,
  });
}

/**
 * What the review log learns from one question answered by the core: low-confidence answers,
 * fallbacks, "Did you mean"s shown and picked, and requests for a person. Messages with nothing to
 * learn from (empty, too long, small talk, confident answers) leave no event.
 */
export async function reviewQuestion(
  learning: LearningDeps,
  context: TurnContext,
  text: string,
  before: ConversationMemory,
  reply: Reply,
): Promise<void> {
  const { outcome } = reply;
  const pending = before.pendingClarify;
  const clarifying = before.pendingClarify ? await learning.clarifying.get(context, '') : '';
  if (outcome.kind === 'clarify') await learning.clarifying.set(context, text);
  else await learning.clarifying.delete(context);

  switch (outcome.kind) {
    case 'answer':
      if (clarifying !== '' && pending !== undefined && reply.memory.resolved?.[pending.question] === outcome.entry.id) {
        // the pick of a "Did you mean": the earlier question means this entry
        recordReview(learning, context, clarifying, { type: 'clarify-choice', topicId: outcome.entry.id });
      } else if (outcome.score < LEARNING_OPTIONS.lowConfidenceScore) {
        recordReview(learning, context, text, { type: 'low-confidence', topicId: outcome.entry.id, score: outcome.score });
      }
      return;
    case 'clarify':
      recordReview(learning, context, text, { type: 'clarify', options: outcome.options.map((o) => o.entry.id), score: outcome.score });
      return;
    case 'handoff':
      recordReview(learning, context, text, { type: 'handoff', topicId: null });
      return;
    case 'smalltalk':
      return;
    case 'fallback': {
      if (outcome.reason === 'empty' || outcome.reason === 'too-long') return;
      // "Something else" says nothing by itself; after a "Did you mean" it means that question went unanswered
      if (outcome.reason === 'declined') {
        if (clarifying !== '') recordReview(learning, context, clarifying, { type: 'fallback', reason: 'declined', topicId: null, score: null });
        return;
      }
      const top = outcome.candidates[0];
      const topicId = outcome.notCovered?.id ?? top?.entry.id ?? null;
      recordReview(learning, context, text, { type: 'fallback', reason: outcome.reason, topicId, score: top?.score ?? null });
      return;
    }
  }
}
