import type { Activity, ConversationReference, Storage } from 'botbuilder';
import { classifyConversation, TEAMS_CHANNEL_ID } from '../teams/conversationKind.js';

const KEY = 'handoff/support-channel';

/**
 * The Teams channel where tickets are posted (SUPPORT_CHANNEL_ID). A proactive message needs more
 * than the channel's id: the Teams service URL and the tenant, which the bot learns only from an
 * activity Teams sends it. So it captures them when it is added to a team, or when anyone writes
 * to it in a team, and keeps the channel's conversation reference in Storage for every instance.
 */
export class SupportChannel {
  /** The reference last written by this instance, so a busy channel is not a write per message. */
  private written: string | undefined;

  constructor(
    private readonly storage: Storage,
    /** Empty: no support channel configured. */
    readonly channelId: string,
  ) {}

  get configured(): boolean {
    return this.channelId !== '';
  }

  /** Whether the activity was written in the support channel (in a thread of it or at its top). */
  isSupportConversation(activity: Partial<Activity>): boolean {
    if (!this.configured || activity.channelId !== TEAMS_CHANNEL_ID) return false;
    const conversationId = activity.conversation?.id ?? '';
    return conversationId.split(';')[0] === this.channelId || classifyConversation(activity).channelId === this.channelId;
  }

  /**
   * Learns how to reach the support channel from a Teams activity in a team: the support
   * channel's own activities always, any other team's while nothing is known yet (the service URL
   * and tenant are the same for the tenant's teams; adding the bot to the support team is enough).
   */
  async capture(activity: Partial<Activity>): Promise<void> {
    if (!this.configured || activity.channelId !== TEAMS_CHANNEL_ID || !activity.serviceUrl) return;
    const where = classifyConversation(activity);
    if (where.kind !== 'channel' || where.teamId === undefined) return;
    const own = this.isSupportConversation(activity) || where.teamId === this.channelId;
    if (!own) {
      if (this.written !== undefined) return;
      const known = await this.reference();
      if (known !== undefined) {
        this.written = JSON.stringify(known);
        return;
      }
    }
    const reference: Partial<ConversationReference> = {
      channelId: TEAMS_CHANNEL_ID,
      serviceUrl: activity.serviceUrl,
      bot: activity.recipient,
      conversation: { id: this.channelId, isGroup: true, conversationType: 'channel', tenantId: where.tenantId, name: '' },
    };
    const serialized = JSON.stringify(reference);
    if (serialized === this.written) return;
    await this.storage.write({ [KEY]: { reference, eTag: '*' } });
    this.written = serialized;
  }

  /** The channel's conversation reference, once any instance captured it. */
  async reference(): Promise<Partial<ConversationReference> | undefined> {
    if (!this.configured) return undefined;
    const item = (await this.storage.read([KEY]))[KEY] as { reference?: Partial<ConversationReference> } | undefined;
    return item?.reference;
  }
}
