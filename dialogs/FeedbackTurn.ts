import type { TurnContext } from 'botbuilder';
import { MESSAGES } from '../src/messages.js';
import type { DialogDeps } from './DialogDeps.js';
import { reasonButtons, type FeedbackValue } from './feedback.js';
import { recordOutcome } from './outcomeTrace.js';
import { recordReview } from './reviewEvents.js';

/**
 * A tap on a feedback button: 👍 is thanked, 👎 asks what was wrong (one tap) and offers a
 * person, the reason picked is noted and thanked. Every tap goes into the review log. It is never
 * read as a question, so it does not move, pause or end a tour; `resume` are the buttons that
 * carry on from where the user was (a tour's step buttons), shown again under the thanks since a
 * new message hides the previous one's suggested actions.
 */
export class FeedbackTurn {
  constructor(private readonly deps: DialogDeps) {}

  /** Answers the tap; 'handoff' when the user asked for a person (the caller may end a tour). */
  async run(context: TurnContext, tap: FeedbackValue, resume: readonly string[] = []): Promise<'handoff' | 'done'> {
    const { learning, send } = this.deps;
    const about = { topicId: tap.topicId, question: tap.question };
    switch (tap.feedback) {
      case 'up':
      case 'down':
        recordReview(learning, context, tap.question, { type: 'feedback', vote: tap.feedback, topicId: tap.topicId });
        if (tap.feedback === 'up') await send(context, { text: MESSAGES.feedback.thanks, buttons: resume });
        else await send(context, { text: MESSAGES.feedback.whatWasWrong, buttons: [], dataButtons: reasonButtons(about) });
        break;
      case 'reason':
        recordReview(learning, context, tap.question, { type: 'feedback-reason', reason: tap.reason ?? 'something-else', topicId: tap.topicId });
        await send(context, { text: MESSAGES.feedback.noted, buttons: resume });
        break;
      case 'person':
        recordReview(learning, context, tap.question, { type: 'handoff', topicId: tap.topicId });
        await send(context, { text: MESSAGES.handoff, buttons: [] });
        await this.deps.handoff(context, { reason: 'not-helpful', question: tap.question });
        recordOutcome(context, { outcome: 'handoff', topicId: null, score: 1 });
        return 'handoff';
    }
    // one outcome per user message, as for small talk: feedback is about the bot, not the article
    recordOutcome(context, { outcome: 'smalltalk', topicId: 'feedback', score: 1 });
    return 'done';
  }
}
