import type { TurnContext } from 'botbuilder';
import type { Outcome } from '../src/answering/types.js';
import { MESSAGES } from '../src/messages.js';
import type { DialogDeps } from './DialogDeps.js';
import { voteButtons } from './feedback.js';
import { decideHandoff, type HandoffRequest } from './handoffTrigger.js';
import { recordOutcome, traceOf } from './outcomeTrace.js';
import { outcomeReply, topicsMenu, type ReplyModel } from './replies.js';
import { reviewQuestion } from './reviewEvents.js';

/** Extra buttons and a closing line a caller adds under the answer (a paused tour's "Continue"). */
export interface Addendum {
  readonly prompt: string;
  readonly buttons: readonly string[];
}

/**
 * One free-text message answered by the answering core: what the root dialog does with most
 * messages, and what a tour does with a question asked in the middle of it. Reads and writes the
 * core's memory, so follow-ups and settled "Did you mean"s carry across turns and tours. Hands the
 * conversation to a person when the user asks for one, declines a "Did you mean", or the bot could
 * not answer twice in a row (dialogs/handoffTrigger.ts).
 */
export class QuestionTurn {
  constructor(private readonly deps: DialogDeps) {}

  async run(context: TurnContext, text: string, addendum?: Addendum): Promise<Outcome> {
    const { answerer, memory, learning } = this.deps;
    const before = await memory.get(context, {});
    const reply = answerer.respond(text, before);
    const { outcome } = reply;
    const action = outcome.kind === 'smalltalk' ? outcome.intent.action : undefined;
    const clarifying = before.pendingClarify ? await learning.clarifying.get(context, '') : '';
    const handoff = decideHandoff(outcome, text, before, clarifying);
    // "start over" outside a tour forgets the conversation so far: last topic, settled choices
    await memory.set(context, action === 'restart' ? {} : { ...reply.memory, fallbacksInARow: handoff.fallbacksInARow });
    // help, menu, stop and start over all end on the topics, so the user always has a way on
    let shown: ReplyModel =
      outcome.kind === 'smalltalk' && action !== undefined
        ? topicsMenu(outcome.reply, answerer)
        : outcomeReply(outcome, this.deps.decision);
    // every answer can be rated; the vote names the entry and the question it answered
    if (outcome.kind === 'answer') shown = { ...shown, dataButtons: voteButtons(outcome.entry.id, text) };
    if (handoff.request) shown = announced(shown, handoff.request);
    else if (addendum && outcome.kind !== 'handoff') {
      shown = { ...shown, prompt: [shown.prompt, addendum.prompt].filter(Boolean).join('\n\n'), buttons: [...shown.buttons, ...addendum.buttons] };
    }
    await this.deps.send(context, shown);
    if (handoff.request) await this.deps.handoff(context, handoff.request);
    await reviewQuestion(learning, context, text, before, reply);
    const declined = handoff.request?.reason === 'declined-clarification';
    recordOutcome(context, declined ? { outcome: 'handoff', topicId: null, score: 1 } : traceOf(outcome));
    return outcome;
  }
}

/** The reply that first says what will happen: a person will take over (the ticket is opened after it). */
function announced(shown: ReplyModel, request: HandoffRequest): ReplyModel {
  switch (request.reason) {
    case 'repeated-fallback':
      // the fallback still says the article doesn't cover it; its suggestions stay, the bot answers while the user waits
      return { ...shown, prompt: MESSAGES.handoffAfterFallbacks, buttons: shown.buttons.filter((b) => b !== MESSAGES.handoffButton) };
    case 'declined-clarification':
      return { text: MESSAGES.handoffAfterDeclined, buttons: [] };
    default:
      return { text: MESSAGES.handoff, buttons: [] };
  }
}
