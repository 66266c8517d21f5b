import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { call } from '../helpers/directLineClient.js';
import { startTestBot } from '../helpers/testBot.js';

const SECRET = 'dl-secret-Zm9vYmFyYmF6cXV4-never-in-a-browser';
const AZURE = 'https://directline.test.example';
const DOMAIN = `${AZURE}/v3/directline`;

let bot: RunningServer;

beforeAll(async () => {
  bot = await startTestBot({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_DOMAIN: DOMAIN });
});
afterAll(async () => {
  await bot.close();
});

interface GenerateRequest {
  readonly authorization: string | undefined;
  readonly body: unknown;
}

/** Azure's tokens/generate, answering with `status` and `reply`; records what the bot sent. */
function azureGenerate(status: number, reply: unknown): GenerateRequest[] {
  const seen: GenerateRequest[] = [];
  nock(AZURE)
    .post('/v3/directline/tokens/generate')
    .reply(function (_uri, body) {
      seen.push({ authorization: this.req.headers.authorization, body });
      return [status, reply];
    });
  return seen;
}

const requestToken = (): ReturnType<typeof call> => call(`${bot.url}/api/directline/token`, { method: 'POST' });

describe('production: the Direct Line secret is exchanged for a per-user token', () => {
  it('asks Azure with the secret and a fresh dl_ user, and gives the browser only the token', async () => {
    const seen = azureGenerate(200, { conversationId: 'azure-conv-1', token: 'azure.jwt.token', expires_in: 3600 });
    const result = await requestToken();

    expect(result.status).toBe(200);
    expect(result.body).toEqual({ conversationId: 'azure-conv-1', token: 'azure.jwt.token', expires_in: 3600, domain: DOMAIN, webSocket: true });
    expect(result.raw).not.toContain(SECRET);
    expect(result.headers.get('cache-control')).toBe('no-store');

    expect(seen).toHaveLength(1);
    expect(seen[0]?.authorization).toBe(`Bearer ${SECRET}`);
    expect(seen[0]?.body).toEqual({ user: { id: expect.stringMatching(/^dl_[\w-]{12,}$/) as unknown } });
    expect(nock.isDone()).toBe(true);
  });

  it('gives every visitor a user of their own', async () => {
    const first = azureGenerate(200, { conversationId: 'c1', token: 't1', expires_in: 3600 });
    await requestToken();
    const second = azureGenerate(200, { conversationId: 'c2', token: 't2', expires_in: 3600 });
    await requestToken();
    expect(first[0]?.body).not.toEqual(second[0]?.body);
  });

  it.each([
    ['refuses (403)', () => azureGenerate(403, { error: { code: 'BadArgument', message: 'secret invalid' } }), /refused the token request \(HTTP 403\)/],
    ['fails (500)', () => azureGenerate(500, 'oops'), /refused the token request \(HTTP 500\)/],
    ['answers something else', () => azureGenerate(200, { token: 42 }), /unexpected token response/],
    ['cannot be reached', () => nock(AZURE).post('/v3/directline/tokens/generate').replyWithError('ECONNRESET'), /could not be reached/],
  ])('answers 502 with a short reason when Azure %s', async (_what, arrange, reason) => {
    arrange();
    const result = await requestToken();
    expect(result.status).toBe(502);
    expect(result.body).toEqual({ error: expect.stringMatching(reason) as unknown });
    expect(result.raw).not.toContain(SECRET);
    expect(result.raw).not.toMatch(/secret invalid|ECONNRESET|\n/);
  });

  it('serves no local Direct Line, and lets the page connect to Azure only', async () => {
    expect((await call(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: 'Bearer x' } })).status).toBe(404);
    const page = await call(`${bot.url}/chat`);
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ${AZURE} wss://directline.test.example;`);
    expect(page.raw).not.toContain(SECRET);
  });
});
