import type { TurnContext } from 'botbuilder';
import type { Outcome } from '../src/answering/types.js';
import type { DialogDeps } from './DialogDeps.js';
import { voteButtons } from './feedback.js';
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
 * core's memory, so follow-ups and settled "Did you mean"s carry across turns and tours.
 */
export class QuestionTurn {
  constructor(private readonly deps: DialogDeps) {}

  async run(context: TurnContext, text: string, addendum?: Addendum): Promise<Outcome> {
    const { answerer, memory } = this.deps;
    const before = await memory.get(context, {});
    const reply = answerer.respond(text, before);
    const { outcome } = reply;
    const action = outcome.kind === 'smalltalk' ? outcome.intent.action : undefined;
    // "start over" outside a tour forgets the conversation so far: last topic, settled choices
    await memory.set(context, action === 'restart' ? {} : reply.memory);
    // help, menu, stop and start over all end on the topics, so the user always has a way on
    let shown: ReplyModel =
      outcome.kind === 'smalltalk' && action !== undefined
        ? topicsMenu(outcome.reply, answerer.knowledge.tours, answerer.starters())
        : outcomeReply(outcome, this.deps.decision);
    // every answer can be rated; the vote names the entry and the question it answered
    if (outcome.kind === 'answer') shown = { ...shown, dataButtons: voteButtons(outcome.entry.id, text) };
    if (addendum && outcome.kind !== 'handoff') {
      shown = { ...shown, prompt: [shown.prompt, addendum.prompt].filter(Boolean).join('\n\n'), buttons: [...shown.buttons, ...addendum.buttons] };
    }
    await this.deps.send(context, shown);
    if (outcome.kind === 'handoff') await this.deps.handoff(context);
    await reviewQuestion(this.deps.learning, context, text, before, reply);
    recordOutcome(context, traceOf(outcome));
    return outcome;
  }
}
