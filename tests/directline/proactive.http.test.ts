import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/bot/createAdapter.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { RememberingBot } from '../helpers/rememberingBot.js';
import { call, poll, send, startConversation } from '../helpers/directLineClient.js';

const config = loadConfig({ LOG_LEVEL: 'silent' });
const adapter = createAdapter(config, createLogger('silent'));
const bot = new RememberingBot();
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ config, adapter, bot, log: createLogger('silent') }, 0, '127.0.0.1');
});
afterAll(async () => {
  await server.close();
});

describe('local Direct Line: what the bot sends outside a reply', () => {
  it('delivers a proactive message sent with continueConversationAsync to the browser', async () => {
    const session = await startConversation(server.url);
    const reference = bot.references.get(session.conversationId);
    expect(reference?.serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3\/directline\/connector\/[\w-]{40,}$/);
    expect(reference?.channelId).toBe('webchat');

    await adapter.continueConversationAsync('', reference!, async (context) => {
      await context.sendActivity('A person from our support team has joined.');
    });

    const { activities } = await poll(server.url, session);
    expect(activities.map((a) => a.text)).toEqual(['A person from our support team has joined.']);
    expect(activities[0]?.from).toMatchObject({ role: 'bot' });
  });

  it('keeps trace activities out of the stream and the connector key out of what the browser sees', async () => {
    const session = await startConversation(server.url);
    await send(server.url, session, { type: 'message', text: 'hello' });
    // botbuilder itself sends traces only to the Emulator channel; post one the way its connector client would
    const serviceUrl = bot.references.get(session.conversationId)?.serviceUrl ?? '';
    const posted = await call(`${serviceUrl}/v3/conversations/${session.conversationId}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'trace', name: 'diagnostics', value: { detail: 'internal' }, serviceUrl }),
    });
    expect(posted.status).toBe(200);

    const { activities } = await poll(server.url, session);
    expect(activities.map((a) => [a.type, a.text])).toEqual([
      ['message', 'hello'],
      ['message', 'You said: hello'],
    ]);
    const seen = JSON.stringify(activities);
    expect(seen).not.toContain('internal');
    expect(seen).not.toContain(serviceUrl.split('/').pop());
  });
});
