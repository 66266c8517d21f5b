import type { Activity, ActivityHandler, CloudAdapter, Storage } from 'botbuilder';
import { setTurnLog } from '../bot/turnLog.js';
import { HttpError } from '../http/HttpError.js';
import type { Logger } from '../logger.js';
import type { ClientActivity } from './clientActivity.js';
import { ConnectorKeys } from './ConnectorKeys.js';
import type { Conversation } from './Conversation.js';
import { ConversationStore, type IssuedToken } from './ConversationStore.js';
import { DIRECT_LINE_OPTIONS } from './options.js';
import { randomToken } from './tokens.js';

export interface LocalDirectLineSettings {
  readonly adapter: CloudAdapter;
  readonly bot: ActivityHandler;
  readonly log: Logger;
  /** Where conversations live: the bot's one Storage, so with Blob Storage every instance serves every conversation. */
  readonly storage: Storage;
  readonly maxConversations: number;
  /**
   * This server's base URL as the bot's own connector client can reach it (http://127.0.0.1:<port>).
   * A function because the port is known only once the server listens.
   */
  readonly selfUrl: () => string;
}

/**
 * A Direct Line v3 for the local, no-Azure setup, in the same process as the bot. Browser
 * activities go to the same CloudAdapter and bot as /api/messages, with channelId "webchat" and a
 * serviceUrl pointing back at this server's connector routes; the bot's replies (and later
 * proactive messages sent with continueConversationAsync) arrive there as ordinary Bot Connector
 * calls and are appended to the conversation's stream for the browser to poll.
 *
 * Only usable while bot authentication is off: with a MicrosoftAppId, the connector client would
 * fetch an Azure AD token for every reply and the adapter would demand a signed request.
 */
export class LocalDirectLine {
  readonly store: ConversationStore;
  /** The secret in the serviceUrl the bot posts its replies to; shared with the other instances through Storage. */
  private readonly connectorKeys: ConnectorKeys;

  constructor(private readonly settings: LocalDirectLineSettings) {
    this.connectorKeys = new ConnectorKeys(settings.storage);
    this.store = new ConversationStore(settings.storage, {
      maxConversations: settings.maxConversations,
      idleMs: DIRECT_LINE_OPTIONS.idleMs,
      touchMs: DIRECT_LINE_OPTIONS.touchMs,
      tokenTtlMs: DIRECT_LINE_OPTIONS.tokenTtlSeconds * 1000,
      maxActivities: DIRECT_LINE_OPTIONS.maxActivitiesPerConversation,
      maxBytes: DIRECT_LINE_OPTIONS.maxBytesPerConversation,
    });
  }

  /** A new conversation and its first token; undefined when the store is full. */
  open(): Promise<IssuedToken | undefined> {
    // not "dl_": Web Chat reserves that prefix for user ids embedded in Azure's signed tokens
    return this.store.create(`web_${randomToken(12)}`);
  }

  isConnectorKey(key: string): Promise<boolean> {
    return this.connectorKeys.accepts(key);
  }

  /** Tells the bot the user joined, once: Web Chat starts the conversation again after a reconnect. */
  async start(conversation: Conversation, log?: Logger): Promise<void> {
    const first = await this.store.update(conversation.id, (current) => {
      const wasStarted = current.record.started;
      current.record.started = true;
      return !wasStarted;
    });
    if (first !== true) return;
    await this.toBot(conversation, {
      type: 'conversationUpdate',
      id: `${conversation.id}|start`,
      membersAdded: [{ id: conversation.userId, role: 'user' }],
    }, log);
  }

  /**
   * An activity from the browser: echoed into the stream first (Web Chat shows a message as sent
   * only when its echo, matched by channelData.clientActivityID, comes back), then handed to the
   * bot. Resolves once the bot's turn is over, so its replies are already in the stream.
   */
  async receive(conversation: Conversation, activity: ClientActivity, log?: Logger): Promise<string> {
    const echo = { ...activity, channelId: DIRECT_LINE_OPTIONS.channelId, from: userOf(conversation), recipient: { ...DIRECT_LINE_OPTIONS.bot } };
    const id = await this.store.update(conversation.id, (current) => current.append(echo));
    if (id === undefined) throw new HttpError(404, 'conversation not found');
    await this.toBot(conversation, { ...echo, id }, log);
    return id;
  }

  /**
   * An activity the bot posted to the connector routes, added to the browser's stream. Traces are
   * the bot's diagnostics (the outcome of matching) and never reach a browser. Undefined when the
   * conversation is gone.
   */
  async deliver(conversationId: string, activity: Readonly<Record<string, unknown>>): Promise<{ id: string } | undefined> {
    if (activity.type === 'trace') return (await this.store.has(conversationId)) ? { id: `${conversationId}|trace` } : undefined;
    const visible: Record<string, unknown> = { ...activity };
    // serviceUrl holds the connector key; the browser has no use for it
    delete visible.serviceUrl;
    const from = typeof visible.from === 'object' && visible.from !== null ? visible.from : DIRECT_LINE_OPTIONS.bot;
    const id = await this.store.update(conversationId, (conversation) => conversation.append({ ...visible, from, channelId: DIRECT_LINE_OPTIONS.channelId }));
    return id === undefined ? undefined : { id };
  }

  /** `log`: the browser request's logger, so the turn logs with that request's id. */
  private async toBot(conversation: Conversation, activity: Readonly<Record<string, unknown>>, log?: Logger): Promise<void> {
    await this.connectorKeys.record();
    const full: Partial<Activity> = {
      from: userOf(conversation),
      recipient: { ...DIRECT_LINE_OPTIONS.bot },
      ...activity,
      channelId: DIRECT_LINE_OPTIONS.channelId,
      serviceUrl: `${this.settings.selfUrl()}${DIRECT_LINE_OPTIONS.connectorPath}/${this.connectorKeys.own}`,
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      timestamp: new Date(),
    };
    // an empty Authorization header: with authentication off the adapter treats the call as anonymous
    await this.settings.adapter.processActivityDirect('', full as Activity, (context) => {
      if (log) setTurnLog(context, log);
      return this.settings.bot.run(context);
    });
  }
}

function userOf(conversation: Conversation): { id: string; name: string; role: string } {
  // the browser user is anonymous: Web Chat shows no names, and the bot needs none
  return { id: conversation.userId, name: '', role: 'user' };
}
