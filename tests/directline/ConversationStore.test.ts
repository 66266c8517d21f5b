import { describe, expect, it } from 'vitest';
import { ConversationStore } from '../../src/directline/ConversationStore.js';

const LIMITS = { maxConversations: 2, idleMs: 1000, tokenTtlMs: 5000, maxActivities: 3, maxBytes: 10_000 };

/** A store on a clock the test moves by hand. */
function storeAt(start = 0): { store: ConversationStore; advance: (ms: number) => void } {
  let now = start;
  return {
    store: new ConversationStore(LIMITS, () => now),
    advance: (ms) => {
      now += ms;
    },
  };
}

describe('ConversationStore', () => {
  it('finds a conversation by its token, with the time the token has left', () => {
    const { store, advance } = storeAt();
    const issued = store.create('user-1');
    advance(900);
    const found = store.byToken(issued!.token);
    expect(found?.conversation.id).toBe(issued!.conversation.id);
    expect(found?.expiresInSeconds).toBe(4);
    expect(store.byToken('unknown')).toBeUndefined();
  });

  it('forgets tokens when they expire and conversations when nobody used them for idleMs', () => {
    const { store, advance } = storeAt();
    const issued = store.create('user-1')!;
    advance(999);
    expect(store.has(issued.conversation.id)).toBe(true);
    advance(2);
    expect(store.has(issued.conversation.id)).toBe(false);
    expect(store.byToken(issued.token)).toBeUndefined();
  });

  it('has() does not keep a conversation alive; use does', () => {
    const { store, advance } = storeAt();
    const issued = store.create('user-1')!;
    advance(600);
    store.has(issued.conversation.id);
    advance(600);
    expect(store.has(issued.conversation.id)).toBe(false);

    const other = store.create('user-2')!;
    advance(600);
    store.byToken(other.token);
    advance(600);
    expect(store.has(other.conversation.id)).toBe(true);
  });

  it('holds at most maxConversations, making room from idle ones', () => {
    const { store, advance } = storeAt();
    expect(store.create('a')).toBeDefined();
    expect(store.create('b')).toBeDefined();
    expect(store.create('c')).toBeUndefined();
    advance(1001);
    expect(store.create('c')).toBeDefined();
    expect(store.size).toBe(1);
  });

  it('keeps a bounded stream per conversation, oldest first out', () => {
    const { store } = storeAt();
    const { conversation } = store.create('a')!;
    for (const text of ['1', '2', '3', '4']) conversation.append({ type: 'message', text });
    const { activities, watermark } = conversation.since(undefined);
    expect(activities.map((a) => a.text)).toEqual(['2', '3', '4']);
    expect(watermark).toBe('4');
    expect(conversation.since(3).activities.map((a) => a.text)).toEqual(['4']);
  });
});
