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
