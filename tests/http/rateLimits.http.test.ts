import { describe, expect, it } from 'vitest';
import { call, send, startConversation } from '../helpers/directLineClient.js';
import { messageActivity, startTestBot } from '../helpers/testBot.js';

async function postMessage(url: string, conversationId: string): Promise<{ status: number; retryAfter: string | null; body: unknown }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(messageActivity('hello', { conversation: { id: conversationId }, deliveryMode: 'expectReplies' })),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
}

describe('rate limits', () => {
  it('per conversation: 429 with Retry-After seconds and a one-line reason, other conversations unaffected', async () => {
    const bot = await startTestBot({ RATE_LIMIT_PER_CONVERSATION: '5' });
    try {
      for (let i = 0; i < 5; i++) expect((await postMessage(bot.url, 'chatty')).status).toBe(200);
      const refused = await postMessage(bot.url, 'chatty');
      expect(refused.status).toBe(429);
      // 5 a minute: the next turn is at most 12 s away (less if the first turns took a while)
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(12);
      expect(refused.body).toEqual({ error: `too many requests from this conversation; retry after ${refused.retryAfter} s` });
      expect((await postMessage(bot.url, 'quiet')).status).toBe(200);
    } finally {
      await bot.close();
    }
  });

  it('per client: counts the POSTs that cost a turn or a conversation, not page loads or polls', async () => {
    const bot = await startTestBot({ RATE_LIMIT_PER_CLIENT: '4' });
    try {
      const session = await startConversation(bot.url); // token + start: 2
      expect((await postMessage(bot.url, 'a')).status).toBe(200); // 3
      expect((await send(bot.url, session, { type: 'message', text: 'hi' })).status).toBe(200); // 4
      const refused = await postMessage(bot.url, 'b');
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({ error: `too many requests from this client; retry after ${refused.retryAfter} s` });
      const token = await call(`${bot.url}/api/directline/token`, { method: 'POST' });
      expect(token.status).toBe(429);
      expect(token.headers.get('retry-after')).toMatch(/^\d+$/);
      // reading stays possible: the page, health, and Web Chat's poll
      for (const path of ['/', '/healthz', '/embed.js']) expect((await fetch(`${bot.url}${path}`)).status).toBe(200);
      const poll = await call(`${bot.url}/v3/directline/conversations/${session.conversationId}/activities`, { headers: { authorization: `Bearer ${session.token}` } });
      expect(poll.status).toBe(200);
    } finally {
      await bot.close();
    }
  });

  it('per conversation on the local Direct Line too', async () => {
    const bot = await startTestBot({ RATE_LIMIT_PER_CONVERSATION: '2' });
    try {
      const session = await startConversation(bot.url);
      expect((await send(bot.url, session, { type: 'message', text: 'one' })).status).toBe(200);
      expect((await send(bot.url, session, { type: 'message', text: 'two' })).status).toBe(200);
      const refused = await send(bot.url, session, { type: 'message', text: 'three' });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const other = await startConversation(bot.url);
      expect((await send(bot.url, other, { type: 'message', text: 'one' })).status).toBe(200);
    } finally {
      await bot.close();
    }
  });

  it('are generous by default: a person, or a page full of them, never meets them', async () => {
    const bot = await startTestBot();
    try {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => postMessage(bot.url, `visitor-${i % 10}`)));
      expect(results.every((r) => r.status === 200)).toBe(true);
    } finally {
      await bot.close();
    }
  });
});
