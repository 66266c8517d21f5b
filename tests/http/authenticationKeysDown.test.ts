import nock from 'nock';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { channelToken, signingKey } from '../helpers/botFrameworkTokens.js';
import { messageActivity, post, startTestBot } from '../helpers/testBot.js';

// A file of its own: botbuilder caches the signing keys per process once it has them.
const APP_ID = '11111111-2222-3333-4444-555555555555';
let bot: RunningServer;
beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  bot = await startTestBot({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'unused' });
});
afterAll(async () => {
  await bot.close();
});

it('answers 503, not 401 or 500, while the Bot Framework signing keys cannot be fetched', async () => {
  nock('https://login.botframework.com').get('/v1/.well-known/openidconfiguration').reply(500, 'down');
  const serviceUrl = 'https://smba.trafficmanager.net/teams/';
  const token = channelToken(signingKey('k'), { aud: APP_ID, serviceurl: serviceUrl });
  const result = await post(bot.url, messageActivity('hi', { serviceUrl, channelId: 'msteams', deliveryMode: 'expectReplies' }), { authorization: `Bearer ${token}` });
  expect(result.status).toBe(503);
  expect(result.body).toEqual({ error: 'cannot verify the request right now; try again later' });
});
