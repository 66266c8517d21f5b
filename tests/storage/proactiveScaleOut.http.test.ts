import { MemoryStorage } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/bot/createAdapter.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { RememberingBot } from '../helpers/rememberingBot.js';
import { call, poll, startConversation } from '../helpers/directLineClient.js';

const config = loadConfig({ LOG_LEVEL: 'silent' });
const log = createLogger('silent');
/** One Storage for both instances, standing in for Blob Storage (the same Storage interface). */
const storage = new MemoryStorage();
const botA = new RememberingBot();
const adapterB = createAdapter(config, log);
let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  a = await startServer({ config, adapter: createAdapter(config, log), bot: botA, log, storage }, 0, '127.0.0.1');
  b = await startServer({ config, adapter: adapterB, bot: new RememberingBot(), log, storage }, 0, '127.0.0.1');
});
afterAll(async () => {
  await a.close();
  await b.close();
});

describe('local Direct Line: a proactive message from another instance', () => {
  it('is accepted with the connector key of the instance that saved the reference', async () => {
    const session = await startConversation(a.url);
    const reference = botA.references.get(session.conversationId);
    // on real hosts every instance listens on the same port, so A's loopback serviceUrl reaches B itself
    const onB = { ...reference, serviceUrl: reference?.serviceUrl?.replace(a.url, b.url) };
    expect(onB.serviceUrl).toContain(b.url);

    await adapterB.continueConversationAsync('', onB, async (context) => {
      await context.sendActivity('A person from our support team has joined.');
    });
    const { activities } = await poll(a.url, session);
    expect(activities.map((x) => x.text)).toEqual(['A person from our support team has joined.']);
  });

  it('still refuses a key no instance made', async () => {
    const session = await startConversation(a.url);
    const forged = await call(`${b.url}/v3/directline/connector/not-a-key/v3/conversations/${session.conversationId}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hi' }),
    });
    expect(forged.status).toBe(403);
  });
});
