import { Conversation, type ConversationLimits } from './Conversation.js';
import { hashToken, randomToken } from './tokens.js';

export interface StoreLimits extends ConversationLimits {
  readonly maxConversations: number;
  readonly idleMs: number;
  readonly tokenTtlMs: number;
}

interface TokenEntry {
  readonly conversationId: string;
  readonly expiresAt: number;
}

export interface IssuedToken {
  readonly conversation: Conversation;
  readonly token: string;
  readonly expiresInSeconds: number;
}

/**
 * The local Direct Line's memory: conversations by id and bearer tokens (as hashes) by hash.
 * Bounded: at most maxConversations, idle ones expire, and each keeps at most two live tokens
 * (the current one and the one it was refreshed from, so a poll already under way with the old
 * token still succeeds). Expired entries are removed lazily, when met or when room is needed,
 * so no timer has to be stopped.
 */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly tokens = new Map<string, TokenEntry>();
  private readonly tokensOf = new Map<string, string[]>();

  constructor(
    private readonly limits: StoreLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.conversations.size;
  }

  /** A new conversation with its first token, or undefined when the store is full. */
  create(userId: string): IssuedToken | undefined {
    if (this.conversations.size >= this.limits.maxConversations) this.sweep();
    if (this.conversations.size >= this.limits.maxConversations) return undefined;
    const conversation = new Conversation(randomToken(16), userId, this.limits, this.now());
    this.conversations.set(conversation.id, conversation);
    return this.issue(conversation);
  }

  /** A live conversation by id; marks it used. */
  get(id: string): Conversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.isIdle(conversation)) {
      this.remove(conversation);
      return undefined;
    }
    conversation.lastUsed = this.now();
    return conversation;
  }

  /**
   * Whether a live conversation has this id, without marking it used: a request with a wrong token
   * must neither keep someone else's conversation alive nor tell "unknown" from "not yours" wrongly.
   */
  has(id: string): boolean {
    const conversation = this.conversations.get(id);
    return conversation !== undefined && !this.isIdle(conversation);
  }

  /** The conversation a live token belongs to, with the token's remaining lifetime. */
  byToken(token: string): IssuedToken | undefined {
    const hash = hashToken(token);
    const entry = this.tokens.get(hash);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.tokens.delete(hash);
      return undefined;
    }
    const conversation = this.get(entry.conversationId);
    if (!conversation) return undefined;
    return { conversation, token, expiresInSeconds: Math.max(1, Math.round((entry.expiresAt - this.now()) / 1000)) };
  }

  /** A fresh token for the conversation; the previous one stays valid until it expires. */
  issue(conversation: Conversation): IssuedToken {
    const token = randomToken();
    const hash = hashToken(token);
    const previous = this.tokensOf.get(conversation.id) ?? [];
    const keep = previous.filter((h) => (this.tokens.get(h)?.expiresAt ?? 0) > this.now()).slice(-1);
    for (const old of previous) if (!keep.includes(old)) this.tokens.delete(old);
    this.tokens.set(hash, { conversationId: conversation.id, expiresAt: this.now() + this.limits.tokenTtlMs });
    this.tokensOf.set(conversation.id, [...keep, hash]);
    return { conversation, token, expiresInSeconds: Math.round(this.limits.tokenTtlMs / 1000) };
  }

  private isIdle(conversation: Conversation): boolean {
    return this.now() - conversation.lastUsed > this.limits.idleMs;
  }

  private sweep(): void {
    for (const conversation of this.conversations.values()) {
      if (this.isIdle(conversation)) this.remove(conversation);
    }
  }

  private remove(conversation: Conversation): void {
    this.conversations.delete(conversation.id);
    for (const hash of this.tokensOf.get(conversation.id) ?? []) this.tokens.delete(hash);
    this.tokensOf.delete(conversation.id);
  }
}
