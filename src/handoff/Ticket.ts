import type { ConversationReference } from 'botbuilder';

/** open: waiting for an agent; claimed: one agent talks with the user; resolved: the user is back with the bot. */
export type TicketStatus = 'open' | 'claimed' | 'resolved';

/** Why the bot handed the conversation over. */
export type HandoffReason = 'asked-for-person' | 'repeated-fallback' | 'declined-clarification' | 'not-helpful';

/** An answer the bot considered for the question, so the agent sees what it almost said. */
export interface TicketCandidate {
  readonly entryId: string;
  readonly question: string;
  readonly score: number;
}

export interface TicketLine {
  readonly from: 'user' | 'bot' | 'agent';
  readonly text: string;
  /** ISO time. */
  readonly at: string;
  /** The agent's display name, on agent lines. */
  readonly agent?: string;
}

export interface Agent {
  /** Stable id: the Teams user's AAD object id, or what an agent tool sends. */
  readonly id: string;
  readonly name: string;
}

/** Where the ticket's card was posted in the support channel; the thread under it is the agents' side of the conversation. */
export interface SupportThread {
  /** The card's activity id, which is also the thread's root message id in Teams. */
  readonly cardId: string;
  /** Reference to the thread (conversation id `<channel>;messageid=<cardId>`), for replies in it. */
  readonly reference: Partial<ConversationReference>;
}

/**
 * A conversation handed to a person: what the user asked, what was said, what the bot considered
 * and why it gave up, and where to reach the user again. Kept in the bot's Storage, so any
 * instance can serve the user's and the agents' next messages.
 */
export interface Ticket {
  readonly id: string;
  readonly status: TicketStatus;
  readonly reason: HandoffReason;
  /** The user's question, in their words; empty when they asked for a person straight away. */
  readonly question: string;
  readonly candidates: readonly TicketCandidate[];
  /** The conversation up to the handoff, then every relayed message (bounded). */
  readonly transcript: readonly TicketLine[];
  /** The Bot Framework channel the user wrote from (webchat, msteams, ...). */
  readonly channelId: string;
  /** Where the user is, for proactive messages (continueConversationAsync). */
  readonly user: Partial<ConversationReference>;
  readonly createdAt: string;
  readonly claimedBy?: Agent | undefined;
  readonly claimedAt?: string | undefined;
  readonly resolvedAt?: string | undefined;
  /** Who ended it: an agent, or the user who stopped waiting. */
  readonly resolvedBy?: Agent | undefined;
  readonly thread?: SupportThread | undefined;
}

/** What a ticket operation refused, and why, in terms an agent tool can act on. */
export type Refusal = 'not-found' | 'already-claimed' | 'not-claimed' | 'claimed-by-other' | 'resolved';

export type TicketResult = { readonly ticket: Ticket } | { readonly refused: Refusal; readonly ticket?: Ticket | undefined };
