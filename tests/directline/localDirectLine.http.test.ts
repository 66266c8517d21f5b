import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { bearer, call, getToken, poll, send, startConversation, type HttpResult } from '../helpers/directLineClient.js';
import { startTestBot } from '../helpers/testBot.js';

let bot: RunningServer;

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});

/** A refusal: the status, and a body that is one short line of JSON `{error}`, no stack trace. */
function expectRefusal(result: HttpResult, status: number, reason: RegExp): void {
  expect(result.status).toBe(status);
  expect(result.body).toEqual({ error: expect.stringMatching(reason) as unknown });
  expect(result.raw).not.toMatch(/\n|\bat \S+ \(|node_modules/);
}

describe('local Direct Line: a conversation as Web Chat has it', () => {
  it('issues a local token bound to a new conversation', async () => {
    const session = await getToken(bot.url);
    expect(session).toMatchObject({ domain: '/v3/directline', webSocket: false, expires_in: 1800 });
    expect(session.conversationId).toMatch(/^[\w-]{16,}$/);
    expect(session.token).toMatch(/^[\w-]{40,}$/);
    expect(session.userId).toMatch(/^web_/);
  });

  it('greets once when the conversation starts, with starter questions as buttons', async () => {
    const session = await startConversation(bot.url);
    const first = await poll(bot.url, session);
    expect(first.activities).toHaveLength(1);
    const [welcome] = first.activities;
    expect(welcome).toMatchObject({ type: 'message', from: { role: 'bot' } });
    expect(welcome?.text).toMatch(/^Hi! I answer questions about the article "Sora's Closure"/);
    expect(welcome?.suggestedActions?.actions.length).toBeGreaterThanOrEqual(3);

    // Web Chat starts the conversation again after a reconnect: no second greeting
    const again = await call(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: bearer(session.token), body: '{}' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ conversationId: session.conversationId, token: session.token });
    expect((await poll(bot.url, session, first.watermark)).activities).toEqual([]);
  });

  it('echoes the question, then the answer with its quoted source and follow-ups; no traces', async () => {
    const session = await startConversation(bot.url);
    const greeting = await poll(bot.url, session);

    const sent = await send(bot.url, session, {
      type: 'message',
      text: 'How much money did Sora make?',
      channelData: { clientActivityID: 'client-1' },
      // a page cannot speak as someone else: the server takes the user from the token
      from: { id: 'someone-else', role: 'user' },
    });
    expect(sent.status).toBe(200);
    const { id } = sent.body as { id: string };

    const after = await poll(bot.url, session, greeting.watermark);
    const [echo, answer, ...rest] = after.activities;
    expect(rest).toEqual([]);
    expect(echo).toMatchObject({ id, type: 'message', text: 'How much money did Sora make?', channelData: { clientActivityID: 'client-1' } });
    expect(echo?.from).toEqual({ id: session.userId, name: '', role: 'user' });
    expect(answer).toMatchObject({ type: 'message', from: { role: 'bot' }, replyToId: id });
    expect(answer?.text).toContain('$1.4 million');
    expect(answer?.text).toContain('> According to Sensor Tower, Sora generated only $1.4 million in in-app revenue');
    expect(answer?.suggestedActions?.actions.map((a) => a.title)).toContain('How much revenue did ChatGPT earn?');
    expect(Number(after.watermark)).toBeGreaterThan(Number(greeting.watermark));

    const whole = await poll(bot.url, session);
    expect(whole.activities.map((a) => a.type)).toEqual(['message', 'message', 'message']);
    // the connector key in the serviceUrl is for the bot only
    expect(JSON.stringify(whole)).not.toMatch(/serviceUrl|connector/);
    expect((await poll(bot.url, session, after.watermark)).activities).toEqual([]);
  });

  it('answers a tapped follow-up (imBack: its value comes back as a message)', async () => {
    const session = await startConversation(bot.url);
    const greeting = await poll(bot.url, session);
    const tapped = greeting.activities[0]?.suggestedActions?.actions[0];
    expect(typeof tapped?.value).toBe('string');
    expect((await send(bot.url, session, { type: 'message', text: tapped?.value })).status).toBe(200);
    const [echo, answer] = (await poll(bot.url, session, greeting.watermark)).activities;
    expect(echo?.text).toBe(tapped?.value);
    expect(answer?.text).toContain('**From the article**');
  });

  it('keeps two conversations apart', async () => {
    const a = await startConversation(bot.url);
    const b = await startConversation(bot.url);
    expect(a.conversationId).not.toBe(b.conversationId);
    await send(bot.url, a, { type: 'message', text: 'Which characters could Sora use?' });
    await send(bot.url, b, { type: 'message', text: 'Who is Thomas Husson?' });
    const textsOf = async (session: typeof a): Promise<string> => (await poll(bot.url, session)).activities.map((x) => x.text ?? '').join('\n');
    const streamA = await textsOf(a);
    const streamB = await textsOf(b);
    expect(streamA).toContain('Mickey Mouse');
    expect(streamA).not.toContain('Who is Thomas Husson?');
    expect(streamB).toContain('Who is Thomas Husson?');
    expect(streamB).not.toContain('Which characters could Sora use?');
    // and a's token does not open b's stream
    const crossed = await call(`${bot.url}/v3/directline/conversations/${b.conversationId}/activities`, { headers: bearer(a.token) });
    expectRefusal(crossed, 403, /not valid for this conversation/);
  });

  it('refreshes a token: the new one works, and so does the old one until it expires', async () => {
    const session = await startConversation(bot.url);
    const refreshed = await call(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: bearer(session.token) });
    expect(refreshed.status).toBe(200);
    const next = refreshed.body as { conversationId: string; token: string; expires_in: number };
    expect(next.conversationId).toBe(session.conversationId);
    expect(next.token).not.toBe(session.token);
    expect(next.expires_in).toBe(1800);
    expect((await poll(bot.url, next)).activities).toHaveLength(1);
    expect((await poll(bot.url, session)).activities).toHaveLength(1);

    // each conversation keeps two live tokens: after a second refresh the first is gone
    const third = (await call(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: bearer(next.token) })).body as { token: string };
    expect((await poll(bot.url, { conversationId: session.conversationId, token: third.token })).activities).toHaveLength(1);
    const stale = await call(`${bot.url}/v3/directline/conversations/${session.conversationId}/activities`, { headers: bearer(session.token) });
    expectRefusal(stale, 403, /not valid for this conversation/);
  });
});

describe('local Direct Line: refusals', () => {
  it('401 without a token, 403 with an unknown one', async () => {
    const session = await startConversation(bot.url);
    const path = `${bot.url}/v3/directline/conversations/${session.conversationId}/activities`;
    expectRefusal(await call(path), 401, /missing Authorization/);
    expectRefusal(await call(path, { headers: bearer('not-a-token') }), 403, /not valid/);
    expectRefusal(await call(`${bot.url}/v3/directline/conversations`, { method: 'POST' }), 401, /missing Authorization/);
    expectRefusal(await call(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: bearer('nope') }), 403, /invalid or expired/);
    expectRefusal(await call(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: bearer('nope') }), 403, /invalid or expired/);
  });

  it('404 for a conversation that does not exist', async () => {
    const session = await startConversation(bot.url);
    const result = await call(`${bot.url}/v3/directline/conversations/no-such-conversation/activities`, { headers: bearer(session.token) });
    expectRefusal(result, 404, /conversation not found/);
  });

  it.each([
    ['not JSON', '{"type": "message",', 400, /not valid JSON/],
    ['an array', '[{"type": "message"}]', 400, /JSON object/],
    ['no type', '{"text": "hi"}', 400, /type must be message, typing or event/],
    ['an invoke', '{"type": "invoke", "name": "x"}', 400, /type must be message, typing or event/],
    ['a conversationUpdate', '{"type": "conversationUpdate"}', 400, /type must be message, typing or event/],
    ['text that is not a string', '{"type": "message", "text": 5}', 400, /activity text is invalid/],
    ['an empty body', '', 400, /body is empty/],
    ['more than 16 KiB', JSON.stringify({ type: 'message', text: 'x'.repeat(17 * 1024) }), 413, /larger than 16384 bytes/],
  ])('refuses %s with a one-line reason', async (_what, body, status, reason) => {
    const session = await startConversation(bot.url);
    expectRefusal(await send(bot.url, session, body), status, reason);
    // nothing reached the stream
    expect((await poll(bot.url, session)).activities).toHaveLength(1);
  });

  it('415 for a body that is not JSON, 400 for a watermark that is not a number', async () => {
    const session = await startConversation(bot.url);
    const path = `${bot.url}/v3/directline/conversations/${session.conversationId}/activities`;
    expectRefusal(await call(path, { method: 'POST', headers: { ...bearer(session.token), 'content-type': 'text/plain' }, body: 'hi' }), 415, /must be JSON/);
    expectRefusal(await call(`${path}?watermark=abc`, { headers: bearer(session.token) }), 400, /watermark must be a whole number/);
  });

  it('lets nobody but the bot post into a conversation through the connector routes', async () => {
    const session = await startConversation(bot.url);
    const forged = await call(`${bot.url}/v3/directline/connector/guessed-key/v3/conversations/${session.conversationId}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'Send me your password' }),
    });
    expectRefusal(forged, 403, /unknown connector key/);
    expect((await poll(bot.url, session)).activities).toHaveLength(1);
  });
});

describe('local Direct Line: limits and settings', () => {
  it('opens no more conversations than DIRECT_LINE_MAX_CONVERSATIONS', async () => {
    const small = await startTestBot({ DIRECT_LINE_MAX_CONVERSATIONS: '2' });
    try {
      await getToken(small.url);
      await getToken(small.url);
      expectRefusal(await call(`${small.url}/api/directline/token`, { method: 'POST' }), 503, /too many conversations/);
    } finally {
      await small.close();
    }
  });

  it('is off when authentication is on without a Direct Line secret, and says why', async () => {
    const secured = await startTestBot({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'test-password' });
    try {
      expectRefusal(await call(`${secured.url}/api/directline/token`, { method: 'POST' }), 503, /needs DIRECT_LINE_SECRET when MicrosoftAppId is set/);
      expect((await call(`${secured.url}/v3/directline/conversations`, { method: 'POST', headers: bearer('x') })).status).toBe(404);
      // the page still loads (and tells the visitor the chat is unavailable)
      expect((await call(`${secured.url}/chat`)).status).toBe(200);
    } finally {
      await secured.close();
    }
  });
});
