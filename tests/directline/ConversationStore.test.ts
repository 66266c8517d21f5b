import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ConversationStore } from '../../src/directline/ConversationStore.js';

const LIMITS = { maxConversations: 2, idleMs: 1000, touchMs: 0, tokenTtlMs: 5000, maxActivities: 3, maxBytes: 10_000 };

/** A store on a clock the test moves by hand, over a MemoryStorage (or a shared one: another instance). */
function storeAt(start = 0, storage = new MemoryStorage()): { store: ConversationStore; storage: MemoryStorage; advance: (ms: number) => void } {
  let now = start;
  return {
    store: new ConversationStore(storage, LIMITS, () => now),
    storage,
    advance: (ms) => {
      now += ms;
    },
  };
}

describe('ConversationStore', () => {
  it('finds a conversation by its token, with the time the token has left', async () => {
    const { store, advance } = storeAt();
    const issued = await store.create('user-1');
    advance(900);
    const found = await store.byToken(issued!.token);
    expect(found?.conversation.id).toBe(issued!.conversation.id);
    expect(found?.expiresInSeconds).toBe(4);
    expect(await store.byToken('unknown')).toBeUndefined();
  });

  it('tells a foreign token (403) from an unknown conversation (404)', async () => {
    const { store } = storeAt();
    const mine = (await store.create('a'))!;
    const theirs = (await store.create('b'))!;
    expect(await store.authorize(mine.conversation.id, mine.token)).toHaveProperty('session');
    expect(await store.authorize(mine.conversation.id, theirs.token)).toEqual({ refused: 'forbidden' });
    expect(await store.authorize('no-such-conversation', mine.token)).toEqual({ refused: 'not found' });
  });

  it('forgets tokens when they expire and conversations when nobody used them for idleMs', async () => {
    const { store, advance } = storeAt();
    const issued = (await store.create('user-1'))!;
    advance(999);
    expect(await store.has(issued.conversation.id)).toBe(true);
    advance(2);
    expect(await store.has(issued.conversation.id)).toBe(false);
    expect(await store.byToken(issued.token)).toBeUndefined();
  });

  it('has() does not keep a conversation alive; use does', async () => {
    const { store, advance } = storeAt();
    const issued = (await store.create('user-1'))!;
    advance(600);
    await store.has(issued.conversation.id);
    advance(600);
    expect(await store.has(issued.conversation.id)).toBe(false);

    const other = (await store.create('user-2'))!;
    advance(600);
    await store.byToken(other.token);
    advance(600);
    expect(await store.has(other.conversation.id)).toBe(true);
  });

  it('holds at most maxConversations, making room from idle ones, and deletes what it forgets', async () => {
    const { store, storage, advance } = storeAt();
    const first = await store.create('a');
    expect(first).toBeDefined();
    expect(await store.create('b')).toBeDefined();
    expect(await store.create('c')).toBeUndefined();
    advance(1001);
    expect(await store.create('c')).toBeDefined();
    expect(store.size).toBe(1);
    expect(await storage.read([`directline/conversations/${first!.conversation.id}`])).toEqual({});
  });

  it('keeps a bounded stream per conversation, oldest first out', async () => {
    const { store } = storeAt();
    const { conversation } = (await store.create('a'))!;
    for (const text of ['1', '2', '3', '4']) await store.update(conversation.id, (c) => c.append({ type: 'message', text }));
    const { session } = (await store.authorize(conversation.id, (await store.issue(conversation)).token)) as { session: { conversation: typeof conversation } };
    const { activities, watermark } = session.conversation.since(undefined);
    expect(activities.map((a) => a.text)).toEqual(['2', '3', '4']);
    expect(watermark).toBe('4');
    expect(session.conversation.since(3).activities.map((a) => a.text)).toEqual(['4']);
  });

  it('keeps the current and the previous token on refresh, and drops the one before', async () => {
    const { store } = storeAt();
    const first = (await store.create('a'))!;
    const second = await store.issue(first.conversation);
    expect(await store.byToken(first.token)).toBeDefined();
    const third = await store.issue(first.conversation);
    expect(await store.byToken(first.token)).toBeUndefined();
    expect(await store.byToken(second.token)).toBeDefined();
    expect(await store.byToken(third.token)).toBeDefined();
  });

  it('loses no activity when two instances append to one conversation at the same time', async () => {
    const storage = new MemoryStorage();
    const a = storeAt(0, storage).store;
    const b = storeAt(0, storage).store;
    const { conversation, token } = (await a.create('user'))!;
    await Promise.all(['1', '2', '3'].flatMap((text) => [a, b].map((store) => store.update(conversation.id, (c) => c.append({ type: 'message', text })))));
    const seen = (await b.authorize(conversation.id, token)) as { session: { conversation: typeof conversation } };
    expect(seen.session.conversation.record.seq).toBe(6);
  });
});
