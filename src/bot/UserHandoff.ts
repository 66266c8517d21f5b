import { TurnContext, type StatePropertyAccessor } from 'botbuilder';
import type { HandoffRequest } from '../../dialogs/handoffTrigger.js';
import { Answerer } from '../answering/Answerer.js';
import type { Candidate, Outcome } from '../answering/types.js';
import type { HandoffDesk } from '../handoff/HandoffDesk.js';
import type { Agent, Ticket, TicketCandidate } from '../handoff/Ticket.js';
import { MESSAGES } from '../messages.js';
import type { Transcript } from './Transcript.js';

/** Candidate answers a ticket shows the agent. */
const TICKET_CANDIDATES = 3;
/** Who resolves a ticket an external hub (handoff.status) ended. */
const EXTERNAL_HUB: Agent = Object.freeze({ id: 'external-hub', name: 'the external agent hub' });

/**
 * Who reads a user's message: the bot (and, while a ticket waits, a copy goes to the ticket once
 * the bot has answered: `copyTo`), the agent who claimed the ticket, or nobody (the request was withdrawn).
 */
export type WhileHandedOver = { readonly to: 'bot'; readonly copyTo?: string } | { readonly to: 'agent' } | { readonly to: 'withdrawn' };

/**
 * The user's side of a handoff: opens the ticket for their conversation (one at a time), and
 * while it lasts decides who reads their messages. Waiting for an agent, the bot keeps answering
 * (each message is also added to the ticket, so the agent sees it) and "cancel" withdraws the
 * request; once an agent has claimed it, messages go to the agent only; once resolved, the bot is
 * back. The ticket's id is kept in conversation state, so the check costs nothing in a
 * conversation that was never handed over.
 */
export class UserHandoff {
  constructor(
    private readonly desk: HandoffDesk,
    private readonly answerer: Answerer,
    private readonly ticketOf: StatePropertyAccessor<string>,
  ) {}

  /** Opens a ticket, or undefined when the conversation already has one under way. */
  async open(context: TurnContext, request: HandoffRequest, transcript: Transcript): Promise<Ticket | undefined> {
    const current = await this.current(context);
    if (current) return undefined;
    const question = request.question ?? transcript.lastUserQuestion();
    const candidates = request.candidates ?? (question === '' ? [] : candidatesOf(this.answerer.respond(question, {}).outcome));
    const ticket = await this.desk.open({
      reason: request.reason,
      question,
      candidates: candidates.slice(0, TICKET_CANDIDATES).map(toTicketCandidate),
      transcript: transcript.toJSON().map((line) => ({ from: line.from, text: line.text, at: line.timestamp })),
      channelId: context.activity.channelId,
      user: TurnContext.getConversationReference(context.activity),
    });
    await this.ticketOf.set(context, ticket.id);
    return ticket;
  }

  /** Before the bot reads a message: who should. The bot also when nothing was handed over. */
  async route(context: TurnContext, text: string): Promise<WhileHandedOver> {
    const ticket = await this.current(context);
    if (!ticket || text.trim() === '') return { to: 'bot' };
    if (ticket.status === 'open') {
      if (this.answerer.action(text) !== 'cancel') return { to: 'bot', copyTo: ticket.id };
      await this.desk.withdraw(ticket.id);
      await this.ticketOf.delete(context);
      await context.sendActivity(MESSAGES.handoffWithdrawn);
      return { to: 'withdrawn' };
    }
    if ((await this.desk.fromUser(ticket.id, text)) !== 'gone') return { to: 'agent' };
    await this.ticketOf.delete(context);
    return { to: 'bot' };
  }

  /** While the ticket waits: the message and the bot's answer go to the ticket and its thread. */
  async copyWhileWaiting(ticketId: string, text: string, botReplies: readonly string[]): Promise<void> {
    await this.desk.fromUser(ticketId, text, botReplies);
  }

  /** An external hub ended the handoff (handoff.status completed or failed): the built-in ticket ends too. */
  async endedByHub(context: TurnContext): Promise<void> {
    const ticket = await this.current(context);
    if (ticket) await this.desk.resolve(ticket.id, EXTERNAL_HUB, false);
    await this.ticketOf.delete(context);
  }

  /** The conversation's ticket while it is not resolved; a resolved one is forgotten. */
  private async current(context: TurnContext): Promise<Ticket | undefined> {
    const id = await this.ticketOf.get(context);
    if (id === undefined) return undefined;
    const ticket = await this.desk.get(id);
    if (ticket && ticket.status !== 'resolved') return ticket;
    await this.ticketOf.delete(context);
    return undefined;
  }
}

function candidatesOf(outcome: Outcome): readonly Candidate[] {
  switch (outcome.kind) {
    case 'answer':
    case 'fallback':
      return outcome.candidates;
    case 'clarify':
      return outcome.options;
    default:
      return [];
  }
}

function toTicketCandidate(candidate: Candidate): TicketCandidate {
  return { entryId: candidate.entry.id, question: Answerer.label(candidate.entry), score: Math.round(candidate.score * 1000) / 1000 };
}
