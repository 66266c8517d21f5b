import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createBot } from '../../src/createBot.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { startAzurite, type Azurite } from '../helpers/azurite.js';
import { bearer, call, poll, send, startConversation, type StreamActivity } from '../helpers/directLineClient.js';
import { ask, outcomeOf, post, messageActivity, startTestBot, type Reply } from '../helpers/testBot.js';

/**
 * Two bot instances behind an imaginary load balancer, each with its own BlobsStorage client on
 * one Azurite container, as two processes would be: whichever instance takes a turn continues the
 * conversation where the other left it.
 */
let azurite: Azurite;
let a: RunningServer;
let b: RunningServer;
/** Instance A's JSON log lines. */
const logLines: string[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
  const env = { STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_CONTAINER: 'scale-out' };
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig({ ...env, LOG_LEVEL: 'info' });
  a = await startServer(createBot(config, createLogger('info', sink)), 0, '127.0.0.1');
  b = await startTestBot(env);
});
afterAll(async () => {
  await a.close();
  await b.close();
  await azurite.close();
});

function textOf(replies: readonly Reply[]): string {
  return replies.filter((r) => r.type === 'message').map((r) => r.text ?? '').join('\n');
}

function conversation(): { conversation: { id: string } } {
  return { conversation: { id: `scale-${randomUUID()}` } };
}

describe('several instances share one conversation through Blob Storage', () => {
  it('a tour started on instance A goes on to its next step on instance B', async () => {
    const c = conversation();
    const first = await ask(a.url, 'walk me through the Disney deal', c);
    expect(textOf(first)).toContain('**The Disney deal**');

    const second = await ask(b.url, 'next', c);
    expect(textOf(second)).toContain('Mickey Mouse');
    expect(outcomeOf(second)).toMatchObject({ outcome: 'answer', topicId: 'disney-characters' });
  });

  it('a follow-up on one instance leans on the answer the other gave, back and forth', async () => {
    const c = conversation();
    await ask(b.url, 'walk me through the Disney deal', c);
    await ask(a.url, 'next', c);
    const followUp = await ask(b.url, 'did they pay anything?', c);
    expect(textOf(followUp)).toContain('no financial transactions');
    const help = await ask(a.url, 'help', c);
    expect(textOf(help)).toContain('"The Disney deal" (step 2 of 5: The characters)');
  });

  it('two overlapping turns of one conversation on both instances are both answered (last writer wins)', async () => {
    const c = conversation();
    await ask(a.url, 'walk me through the Disney deal', c);
    const [onA, onB] = await Promise.all([ask(a.url, 'how much money did Sora make?', c), ask(b.url, 'who is Bill Peebles?', c)]);
    expect(textOf(onA)).not.toContain('Sorry, something went wrong');
    expect(textOf(onB)).not.toContain('Sorry, something went wrong');
    expect(textOf(await ask(a.url, 'help', c))).toContain('"The Disney deal"');
  });

  it('instances that never met the conversation still greet it only once', async () => {
    const c = conversation();
    const joined = { type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }], deliveryMode: 'expectReplies', ...c };
    const onA = await post(a.url, messageActivity('', joined));
    const onB = await post(b.url, messageActivity('', joined));
    expect((onA.body as { activities: Reply[] }).activities.filter((r) => r.type === 'message')).toHaveLength(1);
    expect((onB.body as { activities: Reply[] }).activities).toEqual([]);
  });
});

describe('the website chat on the local Direct Line, served by both instances', () => {
  it('polls on B what was posted on A, and the other way round, with one watermark sequence', async () => {
    const session = await startConversation(a.url);
    const greeting = await poll(b.url, session);
    expect(messages(greeting.activities)).toEqual([expect.stringMatching(/^Hi! I answer questions about the article/)]);

    const sent = await send(b.url, session, { type: 'message', text: 'walk me through the Disney deal', channelData: { clientActivityID: 'c-1' } });
    expect(sent.status).toBe(200);
    const afterB = await poll(a.url, session, greeting.watermark);
    expect(afterB.activities[0]).toMatchObject({ text: 'walk me through the Disney deal', channelData: { clientActivityID: 'c-1' } });
    expect(messages(afterB.activities).join('\n')).toContain('**The Disney deal**');

    // the tour's next step on the other instance: conversation state and the stream both shared
    expect((await send(a.url, session, { type: 'message', text: 'next' })).status).toBe(200);
    const afterA = await poll(b.url, session, afterB.watermark);
    expect(messages(afterA.activities)[0]).toBe('next');
    expect(messages(afterA.activities).join('\n')).toContain('Mickey Mouse');
    expect(Number(afterA.watermark)).toBeGreaterThan(Number(afterB.watermark));
  });

  it('greets once even when the page starts the conversation again on the other instance', async () => {
    const session = await startConversation(a.url);
    const again = await call(`${b.url}/v3/directline/conversations`, { method: 'POST', headers: bearer(session.token), body: '{}' });
    expect(again.status).toBe(201);
    expect(messages((await poll(a.url, session)).activities)).toHaveLength(1);
  });

  it('takes a token refreshed on one instance on the other; a foreign token is refused there too', async () => {
    const session = await startConversation(a.url);
    const refreshed = await call(`${b.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: bearer(session.token) });
    expect(refreshed.status).toBe(200);
    const { token } = refreshed.body as { token: string };
    expect((await poll(a.url, { conversationId: session.conversationId, token })).activities.length).toBe(1);

    const other = await startConversation(b.url);
    const foreign = await call(`${a.url}/v3/directline/conversations/${session.conversationId}/activities`, { headers: bearer(other.token) });
    expect(foreign.status).toBe(403);
  });
});

describe('a storage outage in the middle of a conversation', () => {
  it('gets a short apology instead of a 500, and the next turn works once storage is back', async () => {
    const c = conversation();
    expect(textOf(await ask(a.url, 'walk me through the Disney deal', c))).toContain('**The Disney deal**');

    await azurite.stop();
    const during = await post(a.url, messageActivity('what did Mickey Mouse cost Disney?', { deliveryMode: 'expectReplies', ...c }));
    expect(during.status).toBe(200);
    expect(during.raw).not.toMatch(/ECONNREFUSED|storage|stack|node_modules/i);
    const apology = (during.body as { activities: Reply[] }).activities.filter((r) => r.type === 'message');
    expect(apology.map((r) => r.text)).toEqual(["Sorry, I can't reach my memory of our conversation right now. Please send your message again in a moment."]);
    // logged as what it is, with the conversation but never what the user wrote
    const records = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toContainEqual(expect.objectContaining({ msg: 'turn failed: storage unavailable', level: 50, channelId: 'emulator' }));
    expect(logLines.join('\n')).not.toMatch(/Mickey Mouse cost/i);

    // Azurite comes back empty (in-memory): the tour is forgotten, but the bot answers again
    await azurite.restart();
    const after = await ask(b.url, 'how much money did Sora make?', c);
    expect(outcomeOf(after).outcome).toBe('answer');
    expect(textOf(after)).not.toContain("can't reach");
    const next = await ask(a.url, 'walk me through the Disney deal', c);
    expect(textOf(next)).toContain('**The Disney deal**');
    expect(textOf(await ask(b.url, 'next', c))).toContain('Mickey Mouse');
  });

  it('the website chat answers 503 with a short reason while storage is down, and works again after', async () => {
    const session = await startConversation(a.url);
    await azurite.stop();
    const polled = await call(`${b.url}/v3/directline/conversations/${session.conversationId}/activities`, { headers: bearer(session.token) });
    expect(polled.status).toBe(503);
    expect(polled.body).toEqual({ error: 'the chat is unavailable for a moment; please try again' });
    const token = await call(`${a.url}/api/directline/token`, { method: 'POST' });
    expect(token.status).toBe(503);

    // back, but empty (in-memory Azurite): that conversation is gone, a new one works on both
    await azurite.restart();
    const fresh = await startConversation(b.url);
    expect(messages((await poll(a.url, fresh)).activities)).toHaveLength(1);
  });
});

function messages(activities: readonly StreamActivity[]): string[] {
  return activities.filter((x) => x.type === 'message').map((x) => x.text ?? '');
}
