import type { Courier } from '../../src/handoff/Courier.js';
import type { TicketDraft } from '../../src/handoff/HandoffDesk.js';
import type { SupportThread, Ticket } from '../../src/handoff/Ticket.js';

/** What a user's handoff gives the desk: a question the bot could not answer, its near misses, the talk so far. */
export function ticketDraft(overrides: Partial<TicketDraft> = {}): TicketDraft {
  return {
    reason: 'repeated-fallback',
    question: 'Can I get a refund for my Sora subscription?',
    candidates: [
      { entryId: 'sora-shutdown-date', question: 'When did Sora shut down?', score: 0.41 },
      { entryId: 'sora-revenue', question: 'How much money did Sora make?', score: 0.22 },
    ],
    transcript: [
      { from: 'user', text: 'Can I get a refund for my Sora subscription?', at: '2026-11-25T10:00:00.000Z' },
      { from: 'bot', text: "The article doesn't say.", at: '2026-11-25T10:00:01.000Z' },
    ],
    channelId: 'webchat',
    user: { channelId: 'webchat', serviceUrl: 'http://127.0.0.1:9/unused', conversation: { id: 'user-conversation-1', isGroup: false, conversationType: 'personal', name: '' } },
    ...overrides,
  };
}

/** A stored ticket as the desk would write it. */
export function ticket(id: string, overrides: Partial<Ticket> = {}): Ticket {
  return { ...ticketDraft(), id, status: 'open', createdAt: '2026-11-25T10:00:02.000Z', ...overrides };
}

export interface Delivery {
  readonly ticketId: string;
  readonly text: string;
}

/**
 * A Courier that delivers nothing and remembers everything: what would reach each ticket's user,
 * what would be written in its support thread, and which cards would be redrawn.
 */
export class RecordingCourier implements Courier {
  readonly toUsers: Delivery[] = [];
  readonly toThreads: Delivery[] = [];
  readonly announced: string[] = [];
  readonly refreshed: { readonly ticketId: string; readonly status: string }[] = [];

  toUser(ticket: Ticket, text: string): Promise<void> {
    this.toUsers.push({ ticketId: ticket.id, text });
    return Promise.resolve();
  }

  announce(ticket: Ticket): Promise<SupportThread | undefined> {
    this.announced.push(ticket.id);
    return Promise.resolve({ cardId: `card-${ticket.id}`, reference: { conversation: { id: `19:support@thread.tacv2;messageid=card-${ticket.id}`, isGroup: true, conversationType: 'channel', name: 'support' } } });
  }

  toThread(ticket: Ticket, text: string): Promise<void> {
    this.toThreads.push({ ticketId: ticket.id, text });
    return Promise.resolve();
  }

  refreshCard(ticket: Ticket): Promise<void> {
    this.refreshed.push({ ticketId: ticket.id, status: ticket.status });
    return Promise.resolve();
  }

  /** What the user of `ticketId` would have read, in order. */
  userSaw(ticketId: string): string[] {
    return this.toUsers.filter((d) => d.ticketId === ticketId).map((d) => d.text);
  }
}
