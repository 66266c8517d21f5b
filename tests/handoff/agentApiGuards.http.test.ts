import { MemoryStorage, type StoreItems } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../src/handoff/Ticket.js';
import { StorageUnavailable } from '../../src/storage/StorageUnavailable.js';
import { call, type HttpResult } from '../helpers/directLineClient.js';
import { API_KEY, agentCall, startAgentApi, type AgentApiServer } from '../helpers/agentApi.js';
import { ticketDraft } from '../helpers/tickets.js';

/** What the agent API refuses: callers without the key, bodies it cannot take, everything while it is off. */
const ANN: Agent = { id: 'aad-ann', name: 'Ann' };
const ROUTES = (id: string) =>
  [
    ['GET', '/api/agent/tickets', undefined],
    ['GET', `/api/agent/tickets/${id}`, undefined],
    ['POST', `/api/agent/tickets/${id}/claim`, { agent: ANN }],
    ['POST', `/api/agent/tickets/${id}/reply`, { agent: ANN, text: 'hello' }],
    ['POST', `/api/agent/tickets/${id}/resolve`, { agent: ANN }],
  ] as const;

/** The one refusal shape: `{ error }` with a short reason, and nothing that looks like a stack trace. */
function expectPlainRefusal(result: HttpResult, status: number): void {
  expect({ status: result.status, body: result.body }).toEqual({ status, body: { error: expect.any(String) as unknown } });
  expect(result.raw).not.toMatch(/\bat .+:\d+:\d+|Error:|node_modules|\.ts\b/);
}

describe('the agent API with a key', () => {
  let api: AgentApiServer;
  let ticketId: string;
  beforeAll(async () => {
    api = await startAgentApi();
    ticketId = (await api.desk.open(ticketDraft())).id;
  });
  afterAll(async () => {
    await api.close();
  });

  const wrongKeys: [string, Record<string, string>][] = [
    ['no Authorization header', {}],
    ['a wrong key of the same length', { authorization: `Bearer ${'x'.repeat(API_KEY.length)}` }],
    ['the key with one character missing', { authorization: `Bearer ${API_KEY.slice(0, -1)}` }],
    ['a longer key starting with the right one', { authorization: `Bearer ${API_KEY}0` }],
    ['the right key with the Basic scheme', { authorization: `Basic ${API_KEY}` }],
    ['the right key without a scheme', { authorization: API_KEY }],
    ['Bearer with no key', { authorization: 'Bearer ' }],
  ];
  for (const [what, headers] of wrongKeys) {
    it(`answers 401 with a Bearer challenge to ${what}, on every route, and changes nothing`, async () => {
      for (const [method, path, body] of ROUTES(ticketId)) {
        const result = await agentCall(api.url, method, path, body, headers);
        expectPlainRefusal(result, 401);
        expect(result.headers.get('www-authenticate')).toBe('Bearer');
      }
      expect(await api.desk.get(ticketId)).toMatchObject({ status: 'open', transcript: ticketDraft().transcript });
      expect(api.courier.toUsers).toEqual([]);
    });
  }

  it('answers 401 before it says whether a ticket exists', async () => {
    expectPlainRefusal(await agentCall(api.url, 'GET', '/api/agent/tickets/ZZZZZZZZ', undefined, {}), 401);
  });

  it('lets the right key in (the scheme in any case)', async () => {
    expect((await agentCall(api.url, 'GET', '/api/agent/tickets')).status).toBe(200);
    expect((await agentCall(api.url, 'GET', `/api/agent/tickets/${ticketId}`, undefined, { authorization: `bearer ${API_KEY}` })).status).toBe(200);
  });

  const badBodies: [string, string, unknown, number][] = [
    ['not JSON', 'claim', '{"agent": {"id": "a", ', 400],
    ['empty', 'claim', '', 400],
    ['a JSON array', 'claim', '[{"id":"a","name":"A"}]', 400],
    ['JSON null', 'resolve', 'null', 400],
    ['without agent', 'claim', {}, 400],
    ['with agent as a string', 'claim', { agent: 'Ann' }, 400],
    ['with an empty agent id', 'claim', { agent: { id: '', name: 'Ann' } }, 400],
    ['with a blank agent name', 'resolve', { agent: { id: 'a', name: '   ' } }, 400],
    ['with a numeric agent id', 'claim', { agent: { id: 7, name: 'Ann' } }, 400],
    ['with a 201-character agent id', 'claim', { agent: { id: 'a'.repeat(201), name: 'Ann' } }, 400],
    ['with a 201-character agent name', 'resolve', { agent: { id: 'a', name: 'n'.repeat(201) } }, 400],
    ['without text', 'reply', { agent: ANN }, 400],
    ['with empty text', 'reply', { agent: ANN, text: ' \n ' }, 400],
    ['with text of 4,001 characters', 'reply', { agent: ANN, text: 't'.repeat(4001) }, 400],
    ['with text that is not a string', 'reply', { agent: ANN, text: ['hello'] }, 400],
    ['larger than 32 KB', 'reply', { agent: ANN, text: 'hi', padding: 'p'.repeat(40_000) }, 413],
  ];
  for (const [what, action, body, status] of badBodies) {
    it(`answers ${status} with a short reason to a ${action} body ${what}`, async () => {
      const result = await agentCall(api.url, 'POST', `/api/agent/tickets/${ticketId}/${action}`, body);
      expectPlainRefusal(result, status);
      expect((result.body as { error: string }).error.length).toBeLessThan(100);
      expect(await api.desk.get(ticketId)).toMatchObject({ status: 'open' });
    });
  }

  it('says which field is wrong', async () => {
    const named = async (body: unknown): Promise<unknown> => (await agentCall(api.url, 'POST', `/api/agent/tickets/${ticketId}/reply`, body)).body;
    expect(await named({ text: 'hi' })).toEqual({ error: 'agent is missing' });
    expect(await named({ agent: { id: 'a', name: 'n'.repeat(201) }, text: 'hi' })).toEqual({ error: 'agent.name must be at most 200 characters' });
    expect(await named({ agent: ANN, text: 't'.repeat(4001) })).toEqual({ error: 'text must be at most 4000 characters' });
  });

  it('takes 4,000 characters of text, escaped as \\u sequences as Python sends them', async () => {
    const other = await api.desk.open(ticketDraft());
    await agentCall(api.url, 'POST', `/api/agent/tickets/${other.id}/claim`, { agent: ANN });
    const text = 'é'.repeat(4000);
    const escaped = JSON.stringify({ agent: ANN, text }).replace(/é/g, '\\u00e9');
    expect((await agentCall(api.url, 'POST', `/api/agent/tickets/${other.id}/reply`, escaped)).status).toBe(200);
    expect(api.courier.userSaw(other.id).at(-1)).toContain(text);
  });

  it('answers 415 to a body that is not declared JSON', async () => {
    const result = await agentCall(api.url, 'POST', `/api/agent/tickets/${ticketId}/claim`, JSON.stringify({ agent: ANN }), {
      authorization: `Bearer ${API_KEY}`,
      'content-type': 'text/plain',
    });
    expectPlainRefusal(result, 415);
  });

  it('answers other paths and methods under /api/agent in the same shape', async () => {
    expectPlainRefusal(await agentCall(api.url, 'GET', '/api/agent/queue'), 404);
    expectPlainRefusal(await agentCall(api.url, 'POST', `/api/agent/tickets/${ticketId}/delete`, { agent: ANN }), 404);
    expectPlainRefusal(await call(`${api.url}/api/agent/tickets`, { method: 'DELETE', headers: { authorization: `Bearer ${API_KEY}` } }), 405);
  });

  it('leaves the bot endpoint and the website chat routes as they were', async () => {
    expect(await call(`${api.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' })).toMatchObject({
      status: 400,
      body: { error: 'body is empty; send an activity as JSON' },
    });
    expect(await call(`${api.url}/api/directline/token`, { method: 'POST' })).toMatchObject({ status: 200, body: { token: expect.any(String) as unknown } });
    expect(await call(`${api.url}/healthz`)).toMatchObject({ status: 200 });
    // a path that only starts like the API's is not the API's
    expect((await call(`${api.url}/api/agents`)).body).not.toEqual({ error: 'no such route in the agent API' });
  });
});

describe('the agent API without a key', () => {
  let api: AgentApiServer;
  beforeAll(async () => {
    api = await startAgentApi('');
  });
  afterAll(async () => {
    await api.close();
  });

  it('is off: 404 saying so on every route, with or without a key, and the desk is untouched', async () => {
    const opened = await api.desk.open(ticketDraft());
    const headerSets: Record<string, string>[] = [{}, { authorization: `Bearer ${API_KEY}` }, { authorization: 'Bearer ' }];
    for (const headers of headerSets) {
      for (const [method, path, body] of [...ROUTES(opened.id), ['GET', '/api/agent', undefined] as const, ['POST', '/api/agent/anything/else', {}] as const]) {
        const result = await agentCall(api.url, method, path, body, headers);
        expect({ path, status: result.status, body: result.body }).toEqual({ path, status: 404, body: { error: 'the agent API is off: set HANDOFF_API_KEY' } });
      }
    }
    expect(await api.desk.get(opened.id)).toMatchObject({ status: 'open' });
    expect(api.courier.toUsers).toEqual([]);
  });
});

describe('the agent API when what is behind it fails', () => {
  it('answers 503 with a short reason while storage is down, and 200 once it is back', async () => {
    const storage = new SwitchableStorage();
    const api = await startAgentApi(API_KEY, storage);
    try {
      storage.down = true;
      expectPlainRefusal(await agentCall(api.url, 'GET', '/api/agent/tickets'), 503);
      expectPlainRefusal(await agentCall(api.url, 'POST', '/api/agent/tickets/ABCDEFGH/claim', { agent: ANN }), 503);
      storage.down = false;
      expect((await agentCall(api.url, 'GET', '/api/agent/tickets')).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('answers an unexpected failure with a bare 500 "internal error", no detail of it', async () => {
    const storage = new SwitchableStorage();
    const api = await startAgentApi(API_KEY, storage);
    try {
      const opened = await api.desk.open(ticketDraft());
      storage.failure = new TypeError("Cannot read properties of undefined (reading 'ticket')\n    at TicketStore.change (/app/dist/bot.mjs:1:2)");
      const result = await agentCall(api.url, 'POST', `/api/agent/tickets/${opened.id}/claim`, { agent: ANN });
      expectPlainRefusal(result, 500);
      expect(result.body).toEqual({ error: 'internal error' });
    } finally {
      await api.close();
    }
  });
});

/** A MemoryStorage that fails every call: as GuardedStorage reports an outage while `down`, or with `failure` (a bug). */
class SwitchableStorage extends MemoryStorage {
  down = false;
  failure: Error | undefined;

  override read(keys: string[]): Promise<StoreItems> {
    return this.failed('read') ?? super.read(keys);
  }

  override write(changes: StoreItems): Promise<void> {
    return this.failed('write') ?? super.write(changes);
  }

  private failed(operation: 'read' | 'write'): Promise<never> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    return this.down ? Promise.reject(new StorageUnavailable(operation, new Error('ECONNREFUSED'))) : undefined;
  }
}
