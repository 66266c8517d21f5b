import {
  EventFactory,
  TeamsActivityHandler,
  StatusCodes,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { DialogDeps } from '../../dialogs/DialogDeps.js';
import type { HandoffRequest } from '../../dialogs/handoffTrigger.js';
import { recordedOutcome, type OutcomeTrace } from '../../dialogs/outcomeTrace.js';
import { topicsMenu, type ReplyModel } from '../../dialogs/replies.js';
import { RootDialog } from '../../dialogs/RootDialog.js';
import type { Answerer } from '../answering/Answerer.js';
import type { DecisionOptions } from '../answering/options.js';
import type { ConversationMemory } from '../answering/types.js';
import type { AgentTurn } from '../handoff/AgentTurn.js';
import type { HandoffDesk } from '../handoff/HandoffDesk.js';
import type { SupportChannel } from '../handoff/SupportChannel.js';
import type { EventLog } from '../learning/EventLog.js';
import type { Logger } from '../logger.js';
import { MESSAGES } from '../messages.js';
import { TEAMS_CHANNEL_ID } from '../teams/conversationKind.js';
import { stripBotMention } from '../teams/mentions.js';
import { shouldWelcomeInTeams } from '../teams/welcome.js';
import { dressReply } from './dressReply.js';
import { Transcript, type TranscriptLine } from './Transcript.js';
import { turnLog } from './turnLog.js';
import { UserHandoff } from './UserHandoff.js';

const OUTCOME_TRACE_NAME = 'outcome';
/** The status ActivityHandler gives invokes it has no handler for. */
const NOT_IMPLEMENTED: number = StatusCodes.NOT_IMPLEMENTED;
const OUTCOME_TRACE_TYPE = 'https://schemas.sora-closure-bot/outcome';
/** Where this turn's transcript waits while the dialogs add the bot's lines to it. */
const TRANSCRIPT_KEY = Symbol('transcript');
/** Set once a message turn has stored its transcript: the state has changed for certain. */
const STATE_CHANGED_KEY = Symbol('stateChanged');

export interface SoraBotSettings {
  readonly answerer: Answerer;
  readonly conversationState: ConversationState;
  readonly decision: Pick<DecisionOptions, 'maxMessageLength'>;
  readonly log: Logger;
  /** The learning loop's review log (questions the bot struggled with, feedback). */
  readonly events: EventLog;
  /** Human handoff: the support desk, the agents' side in Teams, the support channel. */
  readonly handoff: {
    readonly desk: HandoffDesk;
    readonly agents: AgentTurn;
    readonly supportChannel: SupportChannel;
  };
}

/**
 * The Bot Framework edge of the conversation: runs the dialogs (dialogs/) on every message and
 * keeps in conversation state what they need to remember (dialog stack, the answering core's
 * memory, a short transcript for handoffs), so any instance can serve the next turn. It also
 * dresses each reply for the channel and sends the one outcome trace per user message.
 */
export class SoraBot extends TeamsActivityHandler {
  private readonly memory: StatePropertyAccessor<ConversationMemory>;
  private readonly transcript: StatePropertyAccessor<TranscriptLine[]>;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly welcomed: StatePropertyAccessor<boolean>;
  private readonly dialogs: DialogSet;
  private readonly answerer: Answerer;
  private readonly conversationState: ConversationState;
  private readonly log: Logger;
  private readonly userHandoff: UserHandoff;
  private readonly agents: AgentTurn;
  private readonly supportChannel: SupportChannel;

  constructor(settings: SoraBotSettings) {
    super();
    this.answerer = settings.answerer;
    this.conversationState = settings.conversationState;
    this.log = settings.log;
    this.memory = this.conversationState.createProperty<ConversationMemory>('memory');
    this.transcript = this.conversationState.createProperty<TranscriptLine[]>('transcript');
    this.dialogState = this.conversationState.createProperty<DialogState>('dialogState');
    this.welcomed = this.conversationState.createProperty<boolean>('welcomed');
    this.userHandoff = new UserHandoff(settings.handoff.desk, settings.answerer, this.conversationState.createProperty<string>('handoffTicket'));
    this.agents = settings.handoff.agents;
    this.supportChannel = settings.handoff.supportChannel;
    const deps: DialogDeps = {
      answerer: settings.answerer,
      memory: this.memory,
      decision: settings.decision,
      send: (context, reply) => this.send(context, reply),
      handoff: (context, request) => this.handoff(context, request),
      learning: { events: settings.events, clarifying: this.conversationState.createProperty<string>('clarifyingQuestion') },
    };
    this.dialogs = new DialogSet(this.dialogState).add(new RootDialog(deps));

    this.onMessage(async (context, next) => {
      if (context.activity.channelId === TEAMS_CHANNEL_ID) {
        readAsTeamsMessage(context);
        await this.supportChannel.capture(context.activity);
      }
      // an agent's Claim / Resolve, reply in a ticket's thread or "ask:" is not a customer's question
      if (!(await this.agents.handle(context))) await this.converse(context);
      await next();
    });

    // Plain onMembersAdded, not onTeamsMembersAddedEvent: the latter looks every member up over
    // the network (TeamsInfo.getMember) before the handler runs.
    this.onMembersAdded(async (context, next) => {
      // the bot added to a team: how to reach the support channel, if it is in that team
      if (context.activity.channelId === TEAMS_CHANNEL_ID) await this.supportChannel.capture(context.activity);
      if (this.shouldWelcome(context)) await this.welcome(context);
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === 'handoff.status') await this.handoffStatus(context);
      await next();
    });
  }

  /**
   * State is saved once per turn, after every handler ran, even when a handler threw. A message
   * turn that got as far as its transcript has changed the state (a new line), so it is written
   * without first serialising the whole state to compare it with what was read (botbuilder's
   * change hash, the costliest part of a turn's state handling); other turns are compared.
   */
  override async run(context: TurnContext): Promise<void> {
    try {
      await super.run(context);
    } finally {
      await this.conversationState.saveChanges(context, context.turnState.get<boolean | undefined>(STATE_CHANGED_KEY) === true);
    }
  }

  /**
   * Unknown invokes get a 400 with a reason instead of botbuilder's bare 501. So do invokes whose
   * value botbuilder's own handlers cannot read (adaptiveCard/action with a number for a value
   * throws a TypeError there): the value is the caller's, and the turn would otherwise end in
   * onTurnError and a 501 without an invoke response.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    let response: InvokeResponse;
    try {
      response = await super.onInvokeActivity(context);
    } catch (error) {
      turnLog(context, this.log).warn({ err: error, invoke: context.activity.name }, 'invoke refused: its value could not be read');
      return { status: StatusCodes.BAD_REQUEST, body: { error: `invalid value for invoke "${context.activity.name ?? ''}"` } };
    }
    if (response.status === NOT_IMPLEMENTED) {
      return { status: StatusCodes.BAD_REQUEST, body: { error: `unsupported invoke "${context.activity.name ?? ''}"` } };
    }
    return response;
  }

  private async converse(context: TurnContext): Promise<void> {
    const text = typeof context.activity.text === 'string' ? context.activity.text : '';
    const handedOver = await this.userHandoff.route(context, text);
    if (handedOver.to !== 'bot') {
      // relayed to the agent who claimed the conversation, or the user withdrew their request
      context.turnState.set(STATE_CHANGED_KEY, true);
      const trace: OutcomeTrace = handedOver.to === 'agent' ? { outcome: 'handoff', topicId: null, score: null } : { outcome: 'smalltalk', topicId: 'cancel', score: 1 };
      await this.report(context, trace, `message ${handedOver.to === 'agent' ? 'relayed' : 'withdrew the handoff'}`);
      return;
    }
    const lines = new Transcript(await this.transcript.get(context, []));
    lines.add('user', text);
    context.turnState.set(TRANSCRIPT_KEY, lines);

    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(RootDialog.ID);

    if (handedOver.copyTo !== undefined) await this.userHandoff.copyWhileWaiting(handedOver.copyTo, text, lines.botRepliesSinceUser());
    await this.transcript.set(context, lines.toJSON());
    context.turnState.set(STATE_CHANGED_KEY, true);
    await this.report(context, recordedOutcome(context) ?? { outcome: 'fallback', topicId: null, score: null }, 'answered');
    turnLog(context, this.log).debug({ text }, 'message text');
  }

  /**
   * The one outcome of a user's message: logged (what happened, never what was said: message text
   * is logged at debug level only) and sent as the outcome trace.
   */
  private async report(context: TurnContext, trace: OutcomeTrace, message: string): Promise<void> {
    turnLog(context, this.log).info({ ...trace, channelId: context.activity.channelId, conversationId: context.activity.conversation.id }, message);
    await context.sendTraceActivity(OUTCOME_TRACE_NAME, trace, OUTCOME_TRACE_TYPE, 'Answer outcome');
  }

  private async send(context: TurnContext, reply: ReplyModel): Promise<void> {
    const activity = dressReply(reply, context.activity);
    await context.sendActivity(activity);
    context.turnState.get<Transcript | undefined>(TRANSCRIPT_KEY)?.add('bot', activity.text ?? '');
  }

  /**
   * Opens a ticket (the built-in hub posts it to the support channel) and sends the standard
   * handoff.initiate event, transcript attached, for an external hub such as Omnichannel. Nothing
   * when the conversation already has a ticket under way.
   */
  private async handoff(context: TurnContext, request: HandoffRequest): Promise<void> {
    const lines = context.turnState.get<Transcript | undefined>(TRANSCRIPT_KEY) ?? new Transcript([]);
    const ticket = await this.userHandoff.open(context, request, lines);
    if (!ticket) return;
    const handoffContext = { ticketId: ticket.id, reason: ticket.reason, question: ticket.question, candidates: ticket.candidates };
    try {
      await context.sendActivity(EventFactory.createHandoffInitiation(context, handoffContext, { activities: lines.toActivities(context.activity) }));
    } catch (error) {
      // a channel with no external hub may refuse event activities; the ticket is open all the same
      turnLog(context, this.log).warn({ err: error, ticketId: ticket.id }, 'the channel refused the handoff.initiate event');
    }
  }

  /**
   * In Teams, when the bot itself is installed (personal scope) or added to a team or chat, not
   * each time a colleague joins a team it is in. Elsewhere (Web Chat, the Emulator), when the user
   * joins the conversation.
   */
  private shouldWelcome(context: TurnContext): boolean {
    if (context.activity.channelId === TEAMS_CHANNEL_ID) return shouldWelcomeInTeams(context.activity);
    const botId = context.activity.recipient?.id;
    return (context.activity.membersAdded ?? []).some((member) => member.id !== botId);
  }

  /** Once per conversation: a channel may announce the same arrival twice. */
  private async welcome(context: TurnContext): Promise<void> {
    if (await this.welcomed.get(context, false)) return;
    await this.welcomed.set(context, true);
    await context.sendActivity(dressReply(topicsMenu(MESSAGES.welcome, this.answerer), context.activity));
  }

  private async handoffStatus(context: TurnContext): Promise<void> {
    const state = (context.activity.value as { state?: unknown } | undefined)?.state;
    if (state === 'accepted' || state === 'failed' || state === 'completed') {
      if (state !== 'accepted') await this.userHandoff.endedByHub(context);
      await context.sendActivity(MESSAGES.handoffStatus[state]);
    }
  }
}

/**
 * A Teams message as the dialogs should read it: without the bot's own @mention ("<at>Sora</at>
 * why did it close?"), and without the text/html copy Teams attaches to formatted messages, which
 * is the same words again rather than a file the user sent.
 */
function readAsTeamsMessage(context: TurnContext): void {
  const { activity } = context;
  activity.text = stripBotMention(activity);
  activity.attachments = activity.attachments?.filter((a) => a.contentType !== 'text/html');
}
