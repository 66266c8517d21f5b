import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Answerer } from '../src/answering/Answerer.js';
import type { DecisionOptions } from '../src/answering/options.js';
import type { ConversationMemory } from '../src/answering/types.js';
import type { EventLog } from '../src/learning/EventLog.js';
import type { HandoffRequest } from './handoffTrigger.js';
import type { ReplyModel } from './replies.js';

/**
 * What the dialogs need from the bot, handed in through their constructors so the dialogs never
 * import channel or server code: the answering core, its memory of the conversation, a way to
 * send a reply (the bot dresses it for the channel) and the handoff to a person.
 */
export interface DialogDeps {
  readonly answerer: Answerer;
  /** The answering core's memory of this conversation (last topic, settled "Did you mean"s...). */
  readonly memory: StatePropertyAccessor<ConversationMemory>;
  readonly decision: Pick<DecisionOptions, 'maxMessageLength'>;
  /** Sends one reply, dressed for the channel of the turn. */
  readonly send: (context: TurnContext, reply: ReplyModel) => Promise<void>;
  /** Hands the conversation to a person: opens a ticket, sends the handoff.initiate event with the transcript. */
  readonly handoff: (context: TurnContext, request: HandoffRequest) => Promise<void>;
  /** The learning loop: the review log, and what it must remember across turns. */
  readonly learning: LearningDeps;
}

export interface LearningDeps {
  readonly events: EventLog;
  /**
   * The question a "Did you mean" was shown for, in the user's words, until it is settled: the
   * core remembers it only as stems, and a pick is logged as "this question means that entry".
   */
  readonly clarifying: StatePropertyAccessor<string>;
}
