import { CardFactory, MessageFactory, type Activity, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { Logger } from '../logger.js';
import { TEAMS_CHANNEL_ID } from '../teams/conversationKind.js';
import type { Courier } from './Courier.js';
import type { SupportChannel } from './SupportChannel.js';
import type { SupportThread, Ticket } from './Ticket.js';
import { ticketCard } from './ticketCard.js';

/**
 * botbuilder types the audience of createConversationAsync as a string, but reads a missing one as
 * "the configured cloud's channel scope" (ConnectorFactoryImpl.create), which is what we want; an
 * empty string would be used as the scope itself.
 */
const CLOUD_DEFAULT_AUDIENCE = undefined as unknown as string;

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

  /**
   * A new post in the channel, as Teams documents it for bots: a conversation created with the
   * channel in channelData and the card as its first activity. Teams answers with the thread's
   * conversation id, `<channel>;messageid=<post id>`, under which agents then reply.
   */
  async announce(ticket: Ticket): Promise<SupportThread | undefined> {
    const channel = await this.channel.reference();
    if (!channel?.conversation || !channel.serviceUrl) return undefined;
    const parameters: ConversationParameters = {
      isGroup: true,
      bot: channel.bot ?? { id: this.appId, name: '' },
      tenantId: channel.conversation.tenantId,
      channelData: { channel: { id: channel.conversation.id }, tenant: { id: channel.conversation.tenantId } },
      activity: MessageFactory.attachment(CardFactory.adaptiveCard(ticketCard(ticket))) as Activity,
      members: [],
    };
    let threadId: string | undefined;
    await this.adapter.createConversationAsync(this.appId, TEAMS_CHANNEL_ID, channel.serviceUrl, CLOUD_DEFAULT_AUDIENCE, parameters, (context) => {
      threadId = context.activity.conversation.id;
      return Promise.resolve();
    });
    const cardId = /;messageid=([^;]+)$/.exec(threadId ?? '')?.[1];
    if (threadId === undefined || cardId === undefined) throw new Error('Teams did not answer the new post with a thread id');
    return { cardId, reference: { ...channel, conversation: { ...channel.conversation, id: threadId } } };
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
