import type { Storage } from 'botbuilder';
import { retryOnConflict } from '../storage/retryOnConflict.js';
import { StorageUnavailable } from '../storage/StorageUnavailable.js';
import { Conversation, isConversationRecord, type ConversationLimits, type TokenGrant } from './Conversation.js';
import { hashToken, randomToken } from './tokens.js';

export interface StoreLimits extends ConversationLimits {
  /** Conversations this instance opens and keeps at once. */
  readonly maxConversations: number;
  readonly idleMs: number;
  readonly tokenTtlMs: number;
  /** lastUsed is written back at most this often, so a poll every second is not a write every second. */
  readonly touchMs: number;
}

export interface IssuedToken {
  readonly conversation: Conversation;
  readonly token: string;
  readonly expiresInSeconds: number;
}

/** Which conversation a token opens, so a request naming no conversation (start, refresh) finds it. */
interface TokenIndex {
  readonly conversationId: string;
  readonly expiresAt: number;
}

/** A token tried on a conversation: its own (the session), someone else's, or no such conversation. */
export type Authorization = { readonly session: IssuedToken } | { readonly refused: 'not found' | 'forbidden' };

/**
 * Tries of a change that keeps losing to other writes of the same conversation. Writers of one
 * conversation are few (the echo, the bot's replies, a poll recording use), so this is plenty;
 * a short random pause between tries keeps two instances from colliding in step.
 */
const MAX_WRITE_TRIES = 8;
const RETRY_PAUSE_MS = 10;

const conversationKey = (id: string): string => `directline/conversations/${id}`;
const tokenKey = (hash: string): string => `directline/tokens/${hash}`;

/**
 * The local Direct Line's conversations and bearer tokens (as hashes), kept in the bot's Storage:
 * in memory by default, in Blob Storage shared by every instance when configured, so a browser
 * may post on one instance and poll on another. Every change is a read-modify-write with the
 * record's eTag, retried when another instance wrote first (the user's echo and the bot's reply
 * are appended by different requests).
 *
 * Bounded: this instance opens at most maxConversations that are not idle, and idle ones are
 * deleted when met or when room is needed, so no timer has to be stopped. With Blob Storage,
 * conversations nobody comes back to stay as blobs until a lifecycle rule removes them.
 */
export class ConversationStore {
  /** Conversations this instance opened, with when it last knew them used: the count behind maxConversations. */
  private readonly opened = new Map<string, number>();

  constructor(
    private readonly storage: Storage,
    private readonly limits: StoreLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.opened.size;
  }

  /** A new conversation with its first token, or undefined when this instance holds as many as it may. */
  async create(userId: string): Promise<IssuedToken | undefined> {
    if (this.opened.size >= this.limits.maxConversations) await this.sweep();
    if (this.opened.size >= this.limits.maxConversations) return undefined;
    const conversation = Conversation.open(randomToken(16), userId, this.limits, this.now());
    const { token, grant } = this.grant();
    conversation.record.tokens.push(grant);
    await this.storage.write({
      [tokenKey(grant.hash)]: { conversationId: conversation.id, expiresAt: grant.expiresAt, eTag: '*' },
      [conversationKey(conversation.id)]: { ...conversation.record, eTag: '*' },
    });
    this.opened.set(conversation.id, this.now());
    return { conversation, token, expiresInSeconds: Math.round(this.limits.tokenTtlMs / 1000) };
  }

  /** The conversation a live token belongs to, with the token's remaining lifetime; marks it used. */
  async byToken(token: string): Promise<IssuedToken | undefined> {
    const hash = hashToken(token);
    const index = await this.readItem<TokenIndex>(tokenKey(hash));
    if (!index || typeof index.conversationId !== 'string') return undefined;
    const found = await this.authorize(index.conversationId, token);
    return 'session' in found ? found.session : undefined;
  }

  /**
   * A token tried on a named conversation. Only its own live token marks it used: a request with a
   * wrong token must neither keep someone else's conversation alive nor tell "unknown" from "not
   * yours" wrongly.
   */
  async authorize(conversationId: string, token: string): Promise<Authorization> {
    const conversation = await this.load(conversationId);
    if (!conversation) return { refused: 'not found' };
    const grant = conversation.record.tokens.find((t) => t.hash === hashToken(token) && t.expiresAt > this.now());
    if (!grant) return { refused: 'forbidden' };
    await this.touch(conversation);
    return { session: { conversation, token, expiresInSeconds: Math.max(1, Math.round((grant.expiresAt - this.now()) / 1000)) } };
  }

  /** Whether a live conversation has this id, without marking it used. */
  async has(id: string): Promise<boolean> {
    return (await this.load(id)) !== undefined;
  }

  /** A fresh token for the conversation; the previous one stays valid until it expires. */
  async issue(conversation: Conversation): Promise<IssuedToken> {
    const { token, grant } = this.grant();
    await this.storage.write({ [tokenKey(grant.hash)]: { conversationId: conversation.id, expiresAt: grant.expiresAt, eTag: '*' } });
    const dropped = await this.update(conversation.id, (current) => {
      const previous = current.record.tokens;
      const keep = previous.filter((t) => t.expiresAt > this.now()).slice(-1);
      current.record.tokens = [...keep, grant];
      return previous.filter((t) => !keep.includes(t)).map((t) => t.hash);
    });
    if (dropped === undefined) throw new StorageUnavailable('write', new Error('the conversation ended while its token was refreshed'));
    if (dropped.length > 0) await this.storage.delete(dropped.map(tokenKey));
    return { conversation, token, expiresInSeconds: Math.round(this.limits.tokenTtlMs / 1000) };
  }

  /**
   * Reads the live conversation, applies `change` and writes it back, again from a fresh read when
   * another instance wrote in between. Undefined when the conversation is gone or idle.
   */
  update<T>(id: string, change: (conversation: Conversation) => T): Promise<T | undefined> {
    return retryOnConflict(MAX_WRITE_TRIES, (attempt) => Math.random() * RETRY_PAUSE_MS * attempt, async () => {
      const conversation = await this.load(id);
      if (!conversation) return undefined;
      const result = change(conversation);
      conversation.record.lastUsed = this.now();
      await this.storage.write({ [conversationKey(id)]: conversation.record });
      this.opened.set(id, this.now());
      return result;
    });
  }

  /** The live conversation, or undefined; an idle one found here is deleted. */
  private async load(id: string): Promise<Conversation | undefined> {
    const record = await this.readItem<unknown>(conversationKey(id));
    if (!isConversationRecord(record)) return undefined;
    const conversation = new Conversation(record, this.limits);
    if (this.now() - record.lastUsed > this.limits.idleMs) {
      await this.remove(conversation);
      return undefined;
    }
    return conversation;
  }

  /** Records use now and then (touchMs), not on every poll. */
  private async touch(conversation: Conversation): Promise<void> {
    if (this.now() - conversation.record.lastUsed < this.limits.touchMs) return;
    await this.update(conversation.id, () => undefined);
  }

  private grant(): { token: string; grant: TokenGrant } {
    const token = randomToken();
    return { token, grant: { hash: hashToken(token), expiresAt: this.now() + this.limits.tokenTtlMs } };
  }

  private async readItem<T>(key: string): Promise<Partial<T> | undefined> {
    const items = await this.storage.read([key]);
    return items[key] as Partial<T> | undefined;
  }

  /** Makes room: forgets the conversations this instance opened that have gone idle (on any instance). */
  private async sweep(): Promise<void> {
    for (const [id, lastUsed] of [...this.opened]) {
      if (this.now() - lastUsed <= this.limits.idleMs) continue;
      const conversation = await this.load(id);
      if (conversation) this.opened.set(id, conversation.record.lastUsed);
      else this.opened.delete(id);
    }
  }

  private async remove(conversation: Conversation): Promise<void> {
    this.opened.delete(conversation.id);
    await this.storage.delete([conversationKey(conversation.id), ...conversation.record.tokens.map((t) => tokenKey(t.hash))]);
  }
}
