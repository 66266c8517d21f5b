import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createBot } from '../../src/createBot.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { startAzurite, type Azurite } from '../helpers/azurite.js';
import { messageActivity, post, startTestBot } from '../helpers/testBot.js';

async function get(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as unknown };
}

const KNOWLEDGE = { entries: expect.any(Number) as unknown, tours: 4 };

describe('/readyz with the default memory storage', () => {
  it('is ready once the knowledge is loaded, saying how much', async () => {
    const bot = await startTestBot();
    try {
      const ready = await get(`${bot.url}/readyz`);
      expect(ready).toEqual({ status: 200, body: { status: 'ready', knowledge: KNOWLEDGE, storage: 'ok' } });
      expect((ready.body as { knowledge: { entries: number } }).knowledge.entries).toBeGreaterThan(20);
    } finally {
      await bot.close();
    }
  });

  it('is not ready without the answering core', async () => {
    const { config, adapter, bot, log } = createBot(loadConfig({ LOG_LEVEL: 'silent' }), createLogger('silent'));
    const server = await startServer({ config, adapter, bot, log }, 0, '127.0.0.1');
    try {
      expect(await get(`${server.url}/readyz`)).toEqual({ status: 503, body: { status: 'not ready', knowledge: 'not loaded', storage: 'ok' } });
    } finally {
      await server.close();
    }
  });

  it('turns 503 and refuses new turns while draining; /healthz keeps answering', async () => {
    const bot = await startTestBot();
    try {
      expect(await bot.drain(1000)).toBe(true);
      expect(await get(`${bot.url}/readyz`)).toEqual({ status: 503, body: { status: 'shutting down' } });
      expect(await get(`${bot.url}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
      const refused = await post(bot.url, messageActivity('hello'));
      expect(refused).toMatchObject({ status: 503, body: { error: 'shutting down' } });
    } finally {
      await bot.close();
    }
  });
});

describe('/readyz with Blob Storage', () => {
  let azurite: Azurite;
  let bot: RunningServer;
  beforeAll(async () => {
    azurite = await startAzurite();
    bot = await startTestBot({ STORAGE_CONNECTION_STRING: azurite.connectionString });
  });
  afterAll(async () => {
    await bot.close();
    await azurite.close();
  });

  it('follows storage: ready, 503 while it is down (alive all the same), ready again when it is back', async () => {
    expect(await get(`${bot.url}/readyz`)).toEqual({ status: 200, body: { status: 'ready', knowledge: KNOWLEDGE, storage: 'ok' } });

    await azurite.stop();
    expect(await get(`${bot.url}/readyz`)).toEqual({ status: 503, body: { status: 'not ready', knowledge: KNOWLEDGE, storage: 'unreachable' } });
    expect((await get(`${bot.url}/healthz`)).status).toBe(200);

    await azurite.restart();
    expect(await get(`${bot.url}/readyz`)).toEqual({ status: 200, body: { status: 'ready', knowledge: KNOWLEDGE, storage: 'ok' } });
  });
});
