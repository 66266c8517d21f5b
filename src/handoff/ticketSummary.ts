import type { Agent, HandoffReason, Ticket, TicketStatus } from './Ticket.js';

/** A ticket as an agent tool's queue shows it: enough to pick one, without the whole transcript. */
export interface TicketSummary {
  readonly id: string;
  readonly status: TicketStatus;
  readonly reason: HandoffReason;
  readonly question: string;
  readonly channelId: string;
  readonly createdAt: string;
  readonly claimedBy: Agent | null;
  readonly claimedAt: string | null;
  /** Who spoke last and when: a customer's line nobody answered yet is what agents look for. */
  readonly lastLine: { readonly from: 'user' | 'bot' | 'agent'; readonly at: string } | null;
}

export function ticketSummary(ticket: Ticket): TicketSummary {
  const last = ticket.transcript.at(-1);
  return {
    id: ticket.id,
    status: ticket.status,
    reason: ticket.reason,
    question: ticket.question,
    channelId: ticket.channelId,
    createdAt: ticket.createdAt,
    claimedBy: ticket.claimedBy ?? null,
    claimedAt: ticket.claimedAt ?? null,
    lastLine: last ? { from: last.from, at: last.at } : null,
  };
}

/**
 * A whole ticket as the agent API shows it: everything but the service URLs of the user's
 * conversation and of the support thread. With the bot's own Direct Line that URL carries the
 * connector key, which would let its holder post into any website conversation; agent tools reach
 * the user through the desk (reply) instead.
 */
export function ticketDetail(ticket: Ticket): Ticket {
  const user = { ...ticket.user, serviceUrl: undefined };
  if (!ticket.thread) return { ...ticket, user };
  return { ...ticket, user, thread: { ...ticket.thread, reference: { ...ticket.thread.reference, serviceUrl: undefined } } };
}
