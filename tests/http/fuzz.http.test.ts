import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { bearer, call, startConversation } from '../helpers/directLineClient.js';
import { hostileRequest, type HostileRequest } from '../helpers/hostileActivities.js';
import { heapAfterGcMb } from '../helpers/memory.js';
import { startSinkConnector, type SinkConnector } from '../helpers/sinkConnector.js';
import { ask, outcomeOf, startTestBot } from '../helpers/testBot.js';

/**
 * Thousands of malformed, oversized and hostile requests against the real server on loopback.
 * Bounded: a fixed number of runs per property and a time budget each (fast-check stops early,
 * without failing, when the budget is spent on a slow machine). The seed is random; a failure
 * prints it with the smallest failing request fast-check could find.
 */
const MAX_BODY_BYTES = 16 * 1024;
const TIME_BUDGET_MS = 60_000;

let bot: RunningServer;
let sink: SinkConnector;
const statuses = new Map<number, number>();

beforeAll(async () => {
  sink = await startSinkConnector();
  // thousands of requests from one address in a minute: both rate limits off, on purpose
  bot = await startTestBot({ MAX_BODY_BYTES: String(MAX_BODY_BYTES), RATE_LIMIT_PER_CLIENT: '0', RATE_LIMIT_PER_CONVERSATION: '0' });
});
afterAll(async () => {
  await bot.close();
  await sink.close();
});

async function send(url: string, request: HostileRequest, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { ...(request.contentType === '' ? {} : { 'content-type': request.contentType }), ...headers }, body: request.body });
  const raw = await response.text();
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  // whatever was refused, the reason never shows internals
  if (/\bat .+:\d+:\d+\)|node_modules|TypeError|ReferenceError|RangeError|SyntaxError/.test(raw)) throw new Error(`internals in the response: ${raw.slice(0, 300)}`);
  return response.status;
}

function fuzz(runs: number, arbitrary: fc.Arbitrary<HostileRequest>, target: (request: HostileRequest) => Promise<number>): Promise<void> {
  return fc.assert(
    fc.asyncProperty(arbitrary, async (request) => {
      const status = await target(request);
      if (status >= 500) throw new Error(`HTTP ${status}`);
    }),
    { numRuns: runs, interruptAfterTimeLimit: TIME_BUDGET_MS, markInterruptAsFailure: false },
  );
}

describe('fuzzing the HTTP front with hostile activities', () => {
  it('answers every malformed, oversized or hostile request to /api/messages without a 5xx, and memory stays bounded', async () => {
    const requests = hostileRequest(sink.serviceUrl, MAX_BODY_BYTES);
    await fuzz(200, requests, (request) => send(`${bot.url}/api/messages`, request)); // warm-up
    const before = heapAfterGcMb();
    await fuzz(2500, requests, (request) => send(`${bot.url}/api/messages`, request));
    const after = heapAfterGcMb();
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    // conversation state (MemoryStorage) keeps a little per fuzzed conversation; far below this
    expect(after - before).toBeLessThan(100);
    // the bot's replies to normal deliveries went to the local sink, nowhere else
    expect(sink.count()).toBeGreaterThan(0);
    // a request may have been refused, answered or ignored, but never polluted Object.prototype
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 180_000);

  it('does the same on the local Direct Line: hostile activities, tokens and conversation ids', async () => {
    const session = await startConversation(bot.url);
    const activities = `${bot.url}/v3/directline/conversations/${session.conversationId}/activities`;
    await fuzz(600, hostileRequest(sink.serviceUrl, 16 * 1024), (request) => send(activities, request, { authorization: `Bearer ${session.token}` }));
    const headers = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 600 }), fc.string({ maxLength: 40 }).map((t) => `Bearer ${t}`), fc.constant(`Bearer ${session.token}`));
    const paths = fc.oneof(fc.constant(session.conversationId), fc.string({ maxLength: 100 }).map(encodeURIComponent));
    await fc.assert(
      fc.asyncProperty(headers, paths, fc.constantFrom('conversations', 'tokens/refresh', 'activities', 'poll'), async (authorization, conversationId, route) => {
        const auth: Record<string, string> = authorization === undefined ? {} : { authorization };
        const base = `${bot.url}/v3/directline`;
        const response =
          route === 'poll'
            ? await fetch(`${base}/conversations/${conversationId}/activities?watermark=${conversationId}`, { headers: auth })
            : await fetch(route === 'activities' ? `${base}/conversations/${conversationId}/activities` : `${base}/${route}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"type":"message","text":"hi"}' });
        await response.arrayBuffer();
        if (response.status >= 500) throw new Error(`HTTP ${response.status} on ${route}`);
      }),
      { numRuns: 600, interruptAfterTimeLimit: TIME_BUDGET_MS, markInterruptAsFailure: false },
    );
    // the Direct Line still works (the fuzzed token may be gone: each refresh keeps only the last two)
    const fresh = await startConversation(bot.url);
    const posted = await call(`${bot.url}/v3/directline/conversations/${fresh.conversationId}/activities`, { method: 'POST', headers: bearer(fresh.token), body: JSON.stringify({ type: 'message', text: 'Why did Sora shut down?' }) });
    expect(posted.status).toBe(200);
  }, 180_000);

  it('still answers a normal question afterwards', async () => {
    const replies = await ask(bot.url, 'How much did Sora make?', { conversation: { id: 'after-the-fuzz' } });
    expect(outcomeOf(replies)).toMatchObject({ outcome: 'answer', topicId: 'sora-revenue' });
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});
