import type { SupportThread, Ticket } from './Ticket.js';

/**
 * How the desk reaches people outside the turn it runs in: the user of a ticket, and the support
 * channel. The bot's implementation sends proactive messages through the adapter
 * (AdapterCourier); the desk itself knows nothing of Bot Framework.
 */
export interface Courier {
  /** Sends text to the ticket's user, in their conversation. */
  toUser(ticket: Ticket, text: string): Promise<void>;
  /** Posts a new ticket's card in the support channel; undefined when no support channel is known yet. */
  announce(ticket: Ticket): Promise<SupportThread | undefined>;
  /** Writes in the ticket's thread in the support channel (nothing when it has none). */
  toThread(ticket: Ticket, text: string): Promise<void>;
  /** Shows the ticket's current state (claimed by, resolved) on its card. */
  refreshCard(ticket: Ticket): Promise<void>;
}
