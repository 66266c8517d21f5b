/**
 * Limits of the local Direct Line, in one frozen object with the reason for each value. The local
 * Direct Line is reachable by anyone who can reach the bot, so everything it keeps is bounded:
 * at most maxConversations (config, per instance) x maxBytesPerConversation of activities in
 * memory, or in Blob Storage when configured.
 */
export const DIRECT_LINE_OPTIONS = Object.freeze({
  /** Same lifetime as Azure's Direct Line tokens; Web Chat refreshes well before (every 15 min). */
  tokenTtlSeconds: 1800,
  /** A conversation nobody has polled or written to for this long is forgotten. */
  idleMs: 30 * 60 * 1000,
  /**
   * How stale a conversation's lastUsed may get before a poll writes it back: a minute is nothing
   * against idleMs, and spares Blob Storage a write per browser per second.
   */
  touchMs: 60 * 1000,
  /** Activities kept per conversation; older ones are dropped (the browser has polled them long ago). */
  maxActivitiesPerConversation: 200,
  /** Bytes of activity JSON kept per conversation: 500 conversations x 128 KiB = 64 MiB at most. */
  maxBytesPerConversation: 128 * 1024,
  /** Largest activity a browser may post: a typed question is far smaller; a message over the bot's own limit still gets its polite answer. */
  maxClientActivityBytes: 16 * 1024,
  /** Largest activity the bot may post back: an answer with an Adaptive Card is a few KiB; half a conversation's budget keeps others in view. */
  maxReplyBytes: 64 * 1024,
  /** Base path of the Direct Line the browser talks to. */
  basePath: '/v3/directline',
  /** Base path of the Bot Connector routes the bot's replies are posted to (the activities' serviceUrl). */
  connectorPath: '/v3/directline/connector',
  /** The bot as the browser sees it. */
  bot: Object.freeze({ id: 'sora-closure-bot', name: "Sora's Closure", role: 'bot' }),
  channelId: 'webchat',
});

export type DirectLineOptions = typeof DIRECT_LINE_OPTIONS;
