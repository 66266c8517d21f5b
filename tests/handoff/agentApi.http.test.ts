import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agent, Ticket } from '../../src/handoff/Ticket.js';
import type { TicketSummary } from '../../src/handoff/ticketSummary.js';
import { MESSAGES } from '../../src/messages.js';
import { agentCall, startAgentApi, type AgentApiServer } from '../helpers/agentApi.js';
import { ticketDraft } from '../helpers/tickets.js';

/** An agent tool's work over real HTTP: the queue, a ticket in full, claim, reply and resolve. */
const ANN: Agent = { id: 'aad-ann', name: 'Ann' };
const BOB: Agent = { id: 'aad-bob', name: 'Bob' };

let api: AgentApiServer;
beforeEach(async () => {
  api = await startAgentApi();
});
afterEach(async () => {
  await api.close();
});

const claim = (id: string, agent: Agent) => agentCall(api.url, 'POST', `/api/agent/tickets/${id}/claim`, { agent });
const reply = (id: string, agent: Agent, text: string) => agentCall(api.url, 'POST', `/api/agent/tickets/${id}/reply`, { agent, text });
const resolve = (id: string, agent: Agent) => agentCall(api.url, 'POST', `/api/agent/tickets/${id}/resolve`, { agent });
const ticketOf = (body: unknown): Ticket => (body as { ticket: Ticket }).ticket;

describe('GET /api/agent/tickets', () => {
  it('is an empty queue before anyone asked for a person', async () => {
    expect(await agentCall(api.url, 'GET', '/api/agent/tickets')).toMatchObject({ status: 200, body: { tickets: [] } });
  });

  it('lists open and claimed tickets oldest first as summaries; a resolved one leaves the queue', async () => {
    const first = await api.desk.open(ticketDraft({ question: 'first' }));
    const second = await api.desk.open(ticketDraft({ question: 'second', reason: 'asked-for-person', channelId: 'msteams' }));
    const third = await api.desk.open(ticketDraft({ question: 'third' }));
    await claim(second.id, ANN);
    await resolve(third.id, BOB);

    const listed = await agentCall(api.url, 'GET', '/api/agent/tickets');
    expect(listed.status).toBe(200);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    const tickets = (listed.body as { tickets: TicketSummary[] }).tickets;
    expect(tickets.map((t) => t.id)).toEqual([first.id, second.id]);
    expect(tickets[0]).toEqual({
      id: first.id,
      status: 'open',
      reason: 'repeated-fallback',
      question: 'first',
      channelId: 'webchat',
      createdAt: first.createdAt,
      claimedBy: null,
      claimedAt: null,
      lastLine: { from: 'bot', at: '2026-11-25T10:00:01.000Z' },
    });
    expect(tickets[1]).toMatchObject({ status: 'claimed', reason: 'asked-for-person', channelId: 'msteams', claimedBy: ANN, claimedAt: expect.any(String) as unknown });
    // a summary: no transcript, no candidates, no conversation reference
    expect(Object.keys(tickets[1]!)).not.toEqual(expect.arrayContaining(['transcript']));
  });
});

describe('GET /api/agent/tickets/:id', () => {
  it('is the whole ticket: transcript, candidates with scores, the user reference (without its service URL) and the thread', async () => {
    const opened = await api.desk.open(ticketDraft());
    const got = await agentCall(api.url, 'GET', `/api/agent/tickets/${opened.id}`);
    expect(got.status).toBe(200);
    const { serviceUrl, ...userWithoutServiceUrl } = ticketDraft().user;
    expect(serviceUrl).toMatch(/^http/);
    expect(ticketOf(got.body)).toEqual({
      ...ticketDraft(),
      user: userWithoutServiceUrl,
      id: opened.id,
      status: 'open',
      createdAt: opened.createdAt,
      thread: expect.objectContaining({ cardId: `card-${opened.id}` }) as unknown,
    });
    // the service URL of the user's conversation (with the local Direct Line: its connector key) stays in the bot
    expect(JSON.stringify(got.body)).not.toContain(serviceUrl);
    expect(ticketOf(got.body).candidates[0]).toEqual({ entryId: 'sora-shutdown-date', question: 'When did Sora shut down?', score: 0.41 });
  });

  it('is 404 for an id no ticket has', async () => {
    expect(await agentCall(api.url, 'GET', '/api/agent/tickets/ZZZZZZZZ')).toMatchObject({ status: 404, body: { error: 'ticket not found' } });
  });
});

describe('claim, reply, resolve', () => {
  it('a claim gives the ticket to the agent, and the user, the thread and the card hear of it once', async () => {
    const opened = await api.desk.open(ticketDraft());
    const claimed = await claim(opened.id, ANN);
    expect(claimed.status).toBe(200);
    expect(ticketOf(claimed.body)).toMatchObject({ id: opened.id, status: 'claimed', claimedBy: ANN });
    expect(api.courier.userSaw(opened.id)).toEqual([MESSAGES.desk.agentJoined('Ann')]);
    expect(api.courier.toThreads).toEqual([{ ticketId: opened.id, text: MESSAGES.desk.claimed('Ann') }]);
    expect(api.courier.refreshed).toEqual([{ ticketId: opened.id, status: 'claimed' }]);

    // the same agent pressing Claim again (a retry) changes nothing and tells nobody again
    expect((await claim(opened.id, ANN)).status).toBe(200);
    expect(api.courier.userSaw(opened.id)).toHaveLength(1);
  });

  it('is 409 with who has it when another agent claimed the ticket first', async () => {
    const opened = await api.desk.open(ticketDraft());
    await claim(opened.id, ANN);
    expect(await claim(opened.id, BOB)).toMatchObject({
      status: 409,
      body: { error: 'the ticket is already claimed by Ann', code: 'already-claimed', claimedBy: ANN },
    });
    expect((await api.desk.get(opened.id))?.claimedBy).toEqual(ANN);
  });

  it('relays a reply of the agent who claimed the ticket to the user and keeps it in the transcript', async () => {
    const opened = await api.desk.open(ticketDraft());
    await claim(opened.id, ANN);
    const replied = await reply(opened.id, ANN, '  Refunds go through the App Store; I will send you the link.  ');
    expect(replied.status).toBe(200);
    expect(ticketOf(replied.body).transcript.at(-1)).toMatchObject({ from: 'agent', agent: 'Ann', text: 'Refunds go through the App Store; I will send you the link.' });
    expect(api.courier.userSaw(opened.id).at(-1)).toBe(MESSAGES.desk.agentSays('Ann', 'Refunds go through the App Store; I will send you the link.'));
  });

  it('refuses a reply with 409 before a claim, from another agent, and after the ticket is resolved; the user hears none of them', async () => {
    const opened = await api.desk.open(ticketDraft());
    expect(await reply(opened.id, ANN, 'hello')).toMatchObject({ status: 409, body: { code: 'not-claimed', error: 'claim the ticket before replying' } });
    await claim(opened.id, ANN);
    expect(await reply(opened.id, BOB, 'hello')).toMatchObject({ status: 409, body: { code: 'claimed-by-other', claimedBy: ANN } });
    await resolve(opened.id, ANN);
    expect(await reply(opened.id, ANN, 'hello')).toMatchObject({ status: 409, body: { code: 'resolved', error: 'the ticket is already resolved' } });
    expect(api.courier.userSaw(opened.id)).toEqual([MESSAGES.desk.agentJoined('Ann'), MESSAGES.handoffStatus.completed]);
  });

  it('resolving hands the user back to the bot once; again, or claiming then, is 409', async () => {
    const opened = await api.desk.open(ticketDraft());
    const resolved = await resolve(opened.id, ANN);
    expect(resolved.status).toBe(200);
    expect(ticketOf(resolved.body)).toMatchObject({ status: 'resolved', resolvedBy: ANN, resolvedAt: expect.any(String) as unknown });
    expect(await resolve(opened.id, BOB)).toMatchObject({ status: 409, body: { code: 'resolved' } });
    expect(await claim(opened.id, BOB)).toMatchObject({ status: 409, body: { code: 'resolved' } });
    expect(api.courier.userSaw(opened.id)).toEqual([MESSAGES.handoffStatus.completed]);
    expect(api.courier.refreshed).toEqual([{ ticketId: opened.id, status: 'resolved' }]);
  });

  it('of two agents claiming over HTTP at the same moment one gets 200 and the other 409', async () => {
    const opened = await api.desk.open(ticketDraft());
    const [a, b] = await Promise.all([claim(opened.id, ANN), claim(opened.id, BOB)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? ANN : BOB;
    expect((a.status === 409 ? a : b).body).toMatchObject({ code: 'already-claimed', claimedBy: winner });
    expect(api.courier.userSaw(opened.id)).toEqual([MESSAGES.desk.agentJoined(winner.name)]);
  });

  it('is 404 on every route for an id no ticket has, odd characters included, never a 500', async () => {
    const ids = ['ZZZZZZZZ', '..', '%2e%2e%2f%2e%2e', 'a%2Fb', '%00', 'x'.repeat(2000), '%E0%A4%A', '__proto__', 'constructor', 'tick%20et', "'%3B--"];
    for (const id of ids) {
      for (const [method, path, body] of [
        ['GET', `/api/agent/tickets/${id}`, undefined],
        ['POST', `/api/agent/tickets/${id}/claim`, { agent: ANN }],
        ['POST', `/api/agent/tickets/${id}/reply`, { agent: ANN, text: 'hi' }],
        ['POST', `/api/agent/tickets/${id}/resolve`, { agent: ANN }],
      ] as const) {
        const result = await agentCall(api.url, method, path, body);
        expect({ id, path, status: result.status }).toEqual({ id, path, status: 404 });
        expect(result.body).toEqual({ error: expect.any(String) as unknown });
      }
    }
    expect(api.courier.toUsers).toEqual([]);
  });
});
