import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createBot } from '../../src/createBot.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { startAzurite, type Azurite } from '../helpers/azurite.js';
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

  it('instances that never met the conversation still greet it only once', async () => {
    const c = conversation();
    const joined = { type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }], deliveryMode: 'expectReplies', ...c };
    const onA = await post(a.url, messageActivity('', joined));
    const onB = await post(b.url, messageActivity('', joined));
    expect((onA.body as { activities: Reply[] }).activities.filter((r) => r.type === 'message')).toHaveLength(1);
    expect((onB.body as { activities: Reply[] }).activities).toEqual([]);
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
});
