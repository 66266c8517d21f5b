import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Logger } from '../logger.js';
import type { Courier } from './Courier.js';
import type { SupportChannel } from './SupportChannel.js';
import type { SupportThread, Ticket } from './Ticket.js';
import { ticketCard } from './ticketCard.js';

/**
 * The desk's courier on Bot Framework: proactive messages with the adapter's
 * continueConversationAsync, to the user wherever they wrote from (the local Direct Line, Azure's,
 * Teams) and to the support channel in Teams. A message that cannot be delivered is logged and
 * not retried: it is in the ticket's transcript, which agents can read through the agent API.
 */
export class AdapterCourier implements Courier {
  constructor(
    private readonly adapter: CloudAdapter,
    /** The bot's MicrosoftAppId ('' with authentication off). */
    private readonly appId: string,
    private readonly channel: SupportChannel,
    private readonly log: Logger,
  ) {}

  async toUser(ticket: Ticket, text: string): Promise<void> {
    await this.send(ticket, 'user', ticket.user, text);
  }

  async announce(ticket: Ticket): Promise<SupportThread | undefined> {
    const reference = await this.channel.reference();
    if (!reference?.conversation) return undefined;
    let cardId: string | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      cardId = (await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(ticketCard(ticket)))))?.id;
    });
    if (cardId === undefined) return undefined;
    // in Teams a post in a channel starts a thread whose conversation id names the post
    const thread: Partial<ConversationReference> = { ...reference, conversation: { ...reference.conversation, id: `${reference.conversation.id};messageid=${cardId}` } };
    return { cardId, reference: thread };
  }

  async toThread(ticket: Ticket, text: string): Promise<void> {
    if (ticket.thread) await this.send(ticket, 'thread', ticket.thread.reference, text);
  }

  async refreshCard(ticket: Ticket): Promise<void> {
    const thread = ticket.thread;
    if (!thread) return;
    try {
      await this.adapter.continueConversationAsync(this.appId, thread.reference, async (context) => {
        await context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(ticketCard(ticket))), id: thread.cardId });
      });
    } catch (error) {
      this.log.warn({ err: error, ticketId: ticket.id }, 'could not update the ticket card');
    }
  }

  private async send(ticket: Ticket, to: 'user' | 'thread', reference: Partial<ConversationReference>, text: string): Promise<void> {
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        await context.sendActivity({ type: 'message', text, textFormat: 'markdown' });
      });
    } catch (error) {
      this.log.warn({ err: error, ticketId: ticket.id, to }, 'could not deliver a handoff message');
    }
  }
}
