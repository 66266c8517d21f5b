import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { ask, messageActivity, outcomeOf, post, startTestBot } from '../helpers/testBot.js';

let bot: RunningServer;

beforeAll(async () => {
  bot = await startTestBot({ MAX_BODY_BYTES: '8192' });
});
afterAll(async () => {
  await bot.close();
});

/** No response may show internals: no stack frames, no file paths, no botbuilder messages. */
function expectNoInternals(raw: string): void {
  expect(raw).not.toMatch(/\bat .+\(.+:\d+:\d+\)|node_modules|\.ts:\d+|\.js:\d+|TypeError|ReferenceError/);
}

describe('malformed requests get a 4xx with a short reason', () => {
  it.each([
    ['malformed JSON', '{"type": "message", ', 400, 'body is not valid JSON'],
    ['an empty body', '', 400, 'body is empty; send an activity as JSON'],
    ['a JSON array', '[1,2]', 400, 'body must be a JSON object (one activity)'],
    ['a JSON string', '"hello"', 400, 'body must be a JSON object (one activity)'],
    ['a missing type', JSON.stringify({ ...messageActivity('hi'), type: undefined }), 400, 'activity type is missing or has the wrong type'],
    ['a missing conversation', JSON.stringify({ ...messageActivity('hi'), conversation: undefined }), 400, 'activity conversation is missing or has the wrong type'],
    ['a conversation without id', JSON.stringify({ ...messageActivity('hi'), conversation: {} }), 400, 'activity conversation.id is missing or has the wrong type'],
    ['a serviceUrl that is not a URL', JSON.stringify({ ...messageActivity('hi'), serviceUrl: 'javascript:alert(1)' }), 400, 'activity serviceUrl is invalid'],
    ['a serviceUrl with credentials', JSON.stringify({ ...messageActivity('hi'), serviceUrl: 'https://user:secret@connector.example.com/' }), 400, 'activity serviceUrl is invalid'],
    ['a file: serviceUrl', JSON.stringify({ ...messageActivity('hi'), serviceUrl: 'file:///etc/passwd' }), 400, 'activity serviceUrl is invalid'],
    // found by the fuzz test: the reply could not be serialized, so an invoke ended in 501
    ['a conversation.isGroup that is not a boolean', JSON.stringify({ ...messageActivity('hi'), conversation: { id: 'c', isGroup: 0.5 } }), 400, 'activity conversation.isGroup is missing or has the wrong type'],
    ['a from.name that is not a string', JSON.stringify({ ...messageActivity('hi'), from: { id: 'u', name: 7 } }), 400, 'activity from.name is missing or has the wrong type'],
    ['text that is not a string', JSON.stringify({ ...messageActivity('hi'), text: { a: 1 } }), 400, 'activity text is missing or has the wrong type'],
  ])('%s', async (_name, body, status, reason) => {
    const result = await post(bot.url, body);
    expect(result.status).toBe(status);
    expect(result.body).toEqual({ error: reason });
  });

  it('refuses a body over the size limit with 413, without reading it all', async () => {
    const result = await post(bot.url, messageActivity('x'.repeat(10_000)));
    expect(result.status).toBe(413);
    expect(result.body).toEqual({ error: 'body is larger than 8192 bytes' });
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(response.status).toBe(415);
  });

  it('answers GET on the message endpoint with 405 and an unknown path with 404', async () => {
    expect((await fetch(`${bot.url}/api/messages`)).status).toBe(405);
    expect((await fetch(`${bot.url}/nope`)).status).toBe(404);
  });
});

describe('odd but valid messages get a graceful reply', () => {
  it.each([
    ['empty text', '', 'fallback'],
    ['20 KB of text', 'Sora '.repeat(4000), 'fallback'],
    ['emoji only', '🎬🤖🔥', 'fallback'],
    ['HTML', '<script>alert("x")</script><b>why did sora close?</b>', 'answer'],
  ])('%s', async (_name, text, expected) => {
    const small = text.length > 5000 ? await startTestBot() : bot;
    try {
      const replies = await ask(small.url, text);
      expect(outcomeOf(replies).outcome).toBe(expected);
      const message = replies.find((r) => r.type === 'message');
      expect(message?.text).toBeTruthy();
      expect(message?.text).not.toContain('<script>');
    } finally {
      if (small !== bot) await small.close();
    }
  });

  it('stays silent on typing and reactions', async () => {
    for (const type of ['typing', 'messageReaction']) {
      const result = await post(bot.url, { ...messageActivity(''), type, deliveryMode: 'expectReplies', text: undefined });
      expect(result.status).toBe(200);
      expect((result.body as { activities: unknown[] }).activities).toEqual([]);
    }
  });

  it('refuses an unknown invoke with 400 and a reason instead of a 5xx', async () => {
    const result = await post(bot.url, { ...messageActivity(''), type: 'invoke', name: 'some/unknownThing', value: {} });
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: 'unsupported invoke "some/unknownThing"' });
  });

  it('refuses an adaptiveCard/action invoke whose value botbuilder cannot read with 400 (found by the fuzz test)', async () => {
    const result = await post(bot.url, { ...messageActivity(''), type: 'invoke', name: 'adaptiveCard/action', value: 42 });
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: 'invalid value for invoke "adaptiveCard/action"' });
  });

  it('keeps answering normally after all of the above, and never leaks internals', async () => {
    const raws: string[] = [];
    for (const body of ['{', '[]', JSON.stringify({ type: 'message' }), JSON.stringify({ ...messageActivity('hi'), from: 'nobody' })]) {
      const result = await post(bot.url, body);
      expect(result.status).toBeGreaterThanOrEqual(400);
      expect(result.status).toBeLessThan(500);
      raws.push(result.raw);
    }
    raws.forEach(expectNoInternals);
    const replies = await ask(bot.url, 'How much did Sora make?');
    expect(outcomeOf(replies).outcome).toBe('answer');
  });
});

describe('authentication', () => {
  it('is off without MicrosoftAppId and on with it: a request without a token gets 401', async () => {
    const secured = await startTestBot({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'secret' });
    try {
      const result = await post(secured.url, messageActivity('hi', { deliveryMode: 'expectReplies' }));
      expect(result.status).toBe(401);
      expect(result.body).toEqual({ error: 'missing Authorization header' });
      const forged = await post(secured.url, messageActivity('hi', { deliveryMode: 'expectReplies' }), { authorization: 'Bearer not-a-token' });
      expect(forged.status).toBe(401);
      expectNoInternals(forged.raw);
    } finally {
      await secured.close();
    }
  });
});
