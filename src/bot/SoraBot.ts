import {
  ActivityHandler,
  ActivityTypes,
  EventFactory,
  StatusCodes,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import type { Answerer } from '../answering/Answerer.js';
import type { DecisionOptions } from '../answering/options.js';
import type { Logger } from '../logger.js';
import type { ConversationMemory, Outcome } from '../answering/types.js';
import { MESSAGES } from '../messages.js';
import { Transcript, type TranscriptLine } from './Transcript.js';
import { renderOutcome, questionButton } from './render.js';

/** The trace every user message produces, read by the evaluation runner and the Emulator. */
export interface OutcomeTrace {
  readonly outcome: Outcome['kind'];
  readonly topicId: string | null;
  readonly score: number | null;
}

const OUTCOME_TRACE_NAME = 'outcome';
/** The status ActivityHandler gives invokes it has no handler for. */
const NOT_IMPLEMENTED: number = StatusCodes.NOT_IMPLEMENTED;
const OUTCOME_TRACE_TYPE = 'https://schemas.sora-closure-bot/outcome';

/**
 * The Bot Framework edge of the answering core: reads a message, asks the core, renders the
 * outcome, and keeps the little the core must remember (last topic, a short transcript for
 * handoffs) in conversation state, so any instance can serve the next turn.
 */
export interface SoraBotSettings {
  readonly answerer: Answerer;
  readonly conversationState: ConversationState;
  readonly decision: Pick<DecisionOptions, 'maxMessageLength'>;
  readonly log: Logger;
}

export class SoraBot extends ActivityHandler {
  private readonly memory: StatePropertyAccessor<ConversationMemory>;
  private readonly transcript: StatePropertyAccessor<TranscriptLine[]>;
  private readonly answerer: Answerer;
  private readonly conversationState: ConversationState;
  private readonly decision: Pick<DecisionOptions, 'maxMessageLength'>;
  private readonly log: Logger;

  constructor(settings: SoraBotSettings) {
    super();
    this.answerer = settings.answerer;
    this.conversationState = settings.conversationState;
    this.decision = settings.decision;
    this.log = settings.log;
    this.memory = this.conversationState.createProperty<ConversationMemory>('memory');
    this.transcript = this.conversationState.createProperty<TranscriptLine[]>('transcript');

    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const joined = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
      if (joined.length > 0) await this.welcome(context);
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === 'handoff.status') await this.handoffStatus(context);
      await next();
    });
  }

  /** State is saved once per turn, after every handler ran, even when a handler threw. */
  override async run(context: TurnContext): Promise<void> {
    try {
      await super.run(context);
    } finally {
      await this.conversationState.saveChanges(context, false);
    }
  }

  /** Unknown invokes get a 400 with a reason instead of botbuilder's bare 501. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    if (response.status === NOT_IMPLEMENTED) {
      return { status: StatusCodes.BAD_REQUEST, body: { error: `unsupported invoke "${context.activity.name ?? ''}"` } };
    }
    return response;
  }

  private async answer(context: TurnContext): Promise<void> {
    const text = typeof context.activity.text === 'string' ? context.activity.text : '';
    const lines = new Transcript(await this.transcript.get(context, []));
    lines.add('user', text);
    let trace: OutcomeTrace;
    if (text.trim() === '' && (context.activity.attachments?.length ?? 0) > 0) {
      // a picture or file with no words: nothing the article could answer
      await context.sendActivity(MESSAGES.nonText);
      lines.add('bot', MESSAGES.nonText);
      trace = { outcome: 'fallback', topicId: null, score: null };
    } else {
      const { outcome, memory } = this.answerer.respond(text, await this.memory.get(context, {}));
      await this.memory.set(context, memory);
      const reply = renderOutcome(outcome, this.decision);
      await context.sendActivity(reply);
      lines.add('bot', reply.text ?? '');
      if (outcome.kind === 'handoff') {
        const handoffContext = { reason: 'user asked for a person', question: lines.lastUserQuestion() };
        await context.sendActivity(EventFactory.createHandoffInitiation(context, handoffContext, { activities: lines.toActivities(context.activity) }));
      }
      trace = traceOf(outcome);
    }
    await this.transcript.set(context, lines.toJSON());
    // what happened, never what was said: message text is logged at debug level only
    this.log.info({ ...trace, channelId: context.activity.channelId, conversationId: context.activity.conversation.id }, 'answered');
    this.log.debug({ text }, 'message text');
    await this.trace(context, trace);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const actions = this.answerer.starters().map(questionButton);
    await context.sendActivity({
      type: ActivityTypes.Message,
      text: MESSAGES.welcome,
      suggestedActions: { actions, to: [] },
    });
  }

  private async handoffStatus(context: TurnContext): Promise<void> {
    const state = (context.activity.value as { state?: unknown } | undefined)?.state;
    if (state === 'accepted' || state === 'failed' || state === 'completed') {
      await context.sendActivity(MESSAGES.handoffStatus[state]);
    }
  }

  private async trace(context: TurnContext, value: OutcomeTrace): Promise<void> {
    await context.sendTraceActivity(OUTCOME_TRACE_NAME, value, OUTCOME_TRACE_TYPE, 'Answer outcome');
  }
}

function traceOf(outcome: Outcome): OutcomeTrace {
  switch (outcome.kind) {
    case 'answer':
      return { outcome: 'answer', topicId: outcome.entry.id, score: outcome.score };
    case 'clarify':
      return { outcome: 'clarify', topicId: outcome.options[0]?.entry.id ?? null, score: outcome.score };
    case 'smalltalk':
      return { outcome: 'smalltalk', topicId: outcome.intent.id, score: outcome.score };
    case 'handoff':
      return { outcome: 'handoff', topicId: null, score: outcome.score };
    case 'fallback':
      return { outcome: 'fallback', topicId: outcome.notCovered?.id ?? null, score: outcome.candidates[0]?.score ?? null };
  }
}
