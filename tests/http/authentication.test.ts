import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { channelToken, serveSigningKeys, signingKey, type TokenClaims } from '../helpers/botFrameworkTokens.js';
import { messageActivity, outcomeOf, post, startTestBot, type Reply } from '../helpers/testBot.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
const trusted = signingKey('trusted-key');
const teamsOnly = signingKey('teams-only-key');
// same kid as the trusted key, another private key: a forged signature
const forger = { ...signingKey('trusted-key') };

let bot: RunningServer;
beforeAll(async () => {
  // botbuilder prints each refused token's error and the public keys to stderr; nothing to see here
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  bot = await startTestBot({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-with-expectReplies' });
});
afterAll(async () => {
  await bot.close();
});
beforeEach(() => {
  // the shared setup clears nock after every test; botbuilder caches the keys after its first fetch anyway
  serveSigningKeys([
    { key: trusted, endorsements: ['msteams', 'webchat', 'emulator'] },
    { key: teamsOnly, endorsements: ['msteams'] },
  ]);
});

/** expectReplies: the replies come back in the response, so the bot needs no outbound Azure AD token. */
function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return messageActivity('How much did Sora make?', { channelId: 'webchat', serviceUrl: SERVICE_URL, deliveryMode: 'expectReplies', ...overrides });
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

const valid: TokenClaims = { aud: APP_ID, serviceurl: SERVICE_URL };

/** The only two bodies a refusal may have: nothing of the library's message (jwt, key, audience, stack) gets through. */
const REFUSALS = [{ error: 'missing Authorization header' }, { error: 'the request is not authorized' }];

describe('with MicrosoftAppId set, /api/messages accepts only valid Bot Framework tokens', () => {
  it('answers a request signed by the channel for this app and this serviceUrl', async () => {
    const result = await post(bot.url, activity(), bearer(channelToken(trusted, valid)));
    expect(result.status).toBe(200);
    const replies = (result.body as { activities: Reply[] }).activities;
    expect(outcomeOf(replies)).toMatchObject({ outcome: 'answer', topicId: 'sora-revenue' });
  });

  it('accepts a key endorsed only for Teams on a Teams activity', async () => {
    const result = await post(bot.url, activity({ channelId: 'msteams' }), bearer(channelToken(teamsOnly, valid)));
    expect(result.status).toBe(200);
  });

  it.each<[string, () => Record<string, string>, Record<string, unknown>?]>([
    ['no Authorization header', () => ({})],
    ['a token for another app (audience)', () => bearer(channelToken(trusted, { ...valid, aud: '99999999-2222-3333-4444-555555555555' }))],
    ['an expired token (beyond the 5 minutes of clock skew allowed)', () => bearer(channelToken(trusted, { ...valid, iat: 0, nbf: 0, exp: Math.floor(Date.now() / 1000) - 3600 }))],
    ['a forged signature (right kid, other private key)', () => bearer(channelToken(forger, valid))],
    ['a token from another issuer', () => bearer(channelToken(trusted, { ...valid, iss: 'https://evil.example.com' }))],
    ['a token for another serviceUrl', () => bearer(channelToken(trusted, { ...valid, serviceurl: 'https://attacker.example.com/' }))],
    ['a key the channel does not publish', () => bearer(channelToken(signingKey('unknown-key'), valid))],
    ['a key not endorsed for the channel of the activity', () => bearer(channelToken(teamsOnly, valid))],
    ['an unsigned token (alg none)', () => bearer(`${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...valid, iss: 'https://api.botframework.com' })).toString('base64url')}.`)],
    ['not a JWT at all', () => bearer('not-a-token')],
    ['another scheme', () => ({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` })],
  ])('refuses %s with 401 and no detail', async (_name, headers) => {
    const result = await post(bot.url, activity(), headers());
    expect(result.status).toBe(401);
    expect(REFUSALS).toContainEqual(result.body);
  });

  it('does not run the bot for a refused request, and keeps answering valid ones', async () => {
    const refused = await post(bot.url, activity(), bearer(channelToken(forger, valid)));
    expect(refused.raw).not.toContain('activities');
    const answered = await post(bot.url, activity(), bearer(channelToken(trusted, valid)));
    expect(answered.status).toBe(200);
  });
});
