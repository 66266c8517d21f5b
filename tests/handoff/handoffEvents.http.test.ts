import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createBot } from '../../src/createBot.js';
import type { HandoffDesk } from '../../src/handoff/HandoffDesk.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fakeConnector.js';
import { ask, messageActivity, outcomeOf, post, type Reply } from '../helpers/testBot.js';
import { teamsFixture } from '../teams/teamsFixtures.js';

// Issue 5 over HTTP with the real bot: the handoff.initiate event it sends, the handoff.status
// events it answers, the ticket behind them, and "ask:" for agents in Teams.

let server: RunningServer;
let desk: HandoffDesk;
let teams: FakeConnector;
let conversation = 0;

beforeAll(async () => {
  teams = await startFakeConnector();
  const deps = createBot(loadConfig({ LOG_LEVEL: 'silent' }), createLogger('silent'));
  desk = deps.desk;
  server = await startServer(deps, 0, '127.0.0.1');
});
afterAll(async () => {
  await server.close();
  await teams.close();
});

/** A fresh Emulator-style conversation: `say` sends with expectReplies and returns the replies. */
function newConversation(): (text: string) => Promise<Reply[]> {
  conversation += 1;
  const overrides = { conversation: { id: `handoff-events-${conversation}` } };
  return (text) => ask(server.url, text, overrides);
}

function initiation(replies: readonly Reply[]): Reply | undefined {
  return replies.find((r) => r.type === 'event' && r.name === 'handoff.initiate');
}

describe('the handoff.initiate event and the ticket behind it', () => {
  it('has the ticket id, reason, question and candidates, and the transcript attached as Bot Framework defines it', async () => {
    const say = newConversation();
    await say('Which characters could Sora use from Disney?');
    const replies = await say('let me speak to a real person');
    expect(outcomeOf(replies).outcome).toBe('handoff');
    const event = initiation(replies);
    expect(event).toBeDefined();
    const value = event?.value as { ticketId: string; reason: string; question: string; candidates: { entryId: string; question: string; score: number }[] };
    expect(value).toMatchObject({ reason: 'asked-for-person', question: 'Which characters could Sora use from Disney?' });
    expect(value.candidates.length).toBeGreaterThan(0);
    expect(value.candidates[0]?.score).toBeGreaterThan(0);

    const [attachment, ...more] = event?.attachments ?? [];
    expect(more).toEqual([]);
    expect(attachment).toMatchObject({ contentType: 'application/json', name: 'Transcript' });
    const lines = (attachment?.content as { activities: { type: string; text: string; from: { role: string } }[] }).activities;
    expect(lines.map((l) => [l.from.role, l.text.slice(0, 40)])).toEqual([
      ['user', 'Which characters could Sora use from Dis'],
      ['bot', expect.any(String)],
      ['user', 'let me speak to a real person'],
      ['bot', expect.stringContaining("I'll connect you with a person")],
    ]);

    // the same ticket is in storage, open, with the conversation reference to reach the user
    const ticket = await desk.get(value.ticketId);
    expect(ticket).toMatchObject({ status: 'open', reason: 'asked-for-person', channelId: 'emulator', user: { conversation: { id: `handoff-events-${conversation}` } } });
    expect(ticket?.transcript).toHaveLength(4);
    expect((await desk.unresolved()).map((t) => t.id)).toContain(value.ticketId);
  });

  it('a request for a person as the first message opens a ticket with no question', async () => {
    const say = newConversation();
    const value = initiation(await say('I want to talk to a human'))?.value as { ticketId: string; question: string; candidates: unknown[] };
    expect(value).toMatchObject({ question: '', candidates: [] });
    expect((await desk.get(value.ticketId))?.question).toBe('');
  });

  it('one ticket per conversation: asking again while waiting opens no second one', async () => {
    const say = newConversation();
    const first = initiation(await say('I want a human'));
    const again = await say('human agent please');
    expect(first).toBeDefined();
    expect(initiation(again)).toBeUndefined();
    expect(outcomeOf(again).outcome).toBe('handoff');
  });

  it('two unanswered questions in a row open a ticket with that reason, the question and what came closest', async () => {
    const say = newConversation();
    expect(initiation(await say('what is the capital of Australia?'))).toBeUndefined();
    const replies = await say('how do I bake sourdough bread?');
    expect(outcomeOf(replies).outcome).toBe('fallback');
    const value = initiation(replies)?.value as { ticketId: string; reason: string; question: string };
    expect(value).toMatchObject({ reason: 'repeated-fallback', question: 'how do I bake sourdough bread?' });
  });

  it('while waiting for a person the bot still answers, copies each message to the ticket, and "cancel" withdraws the request', async () => {
    const say = newConversation();
    const ticketId = ((initiation(await say('talk to a human'))?.value ?? {}) as { ticketId?: string }).ticketId ?? '';
    const answered = await say('Why did OpenAI shut down Sora?');
    expect(outcomeOf(answered).outcome).toBe('answer');
    // the question and the bot's answer, so the agent who claims it sees the whole conversation
    expect((await desk.get(ticketId))?.transcript.slice(-2)).toEqual([
      expect.objectContaining({ from: 'user', text: 'Why did OpenAI shut down Sora?' }),
      expect.objectContaining({ from: 'bot', text: expect.stringContaining('From the article') as unknown }),
    ]);

    const cancelled = await say('cancel');
    expect(cancelled.find((r) => r.type === 'message')?.text).toContain("I've cancelled your request for a person");
    expect(await desk.get(ticketId)).toMatchObject({ status: 'resolved', resolvedBy: { id: 'user' } });
    expect(outcomeOf(await say('Why did OpenAI shut down Sora?')).outcome).toBe('answer');
  });
});

describe('handoff.status events from an external agent hub', () => {
  async function status(id: string, state: string): Promise<Reply[]> {
    const result = await post(server.url, { ...messageActivity('', { deliveryMode: 'expectReplies', conversation: { id } }), type: 'event', name: 'handoff.status', value: { state } });
    expect(result.status, result.raw).toBe(200);
    return (result.body as { activities: Reply[] }).activities;
  }

  it('tells the user when the hub accepted, and when it completed, which also ends the ticket', async () => {
    const say = newConversation();
    const id = `handoff-events-${conversation}`;
    const ticketId = ((initiation(await say('talk to a human'))?.value ?? {}) as { ticketId?: string }).ticketId ?? '';
    expect((await status(id, 'accepted')).map((r) => r.text)).toEqual([expect.stringContaining('has joined')]);
    expect((await desk.get(ticketId))?.status).toBe('open');
    expect((await status(id, 'completed')).map((r) => r.text)).toEqual([expect.stringContaining('The support conversation has ended')]);
    expect((await desk.get(ticketId))?.status).toBe('resolved');
  });

  it('tells the user when the hub failed, and ignores states it does not know', async () => {
    const id = `handoff-events-${(conversation += 1)}`;
    expect((await status(id, 'failed')).map((r) => r.text)).toEqual([expect.stringContaining("couldn't reach a person")]);
    expect(await status(id, 'teleported')).toEqual([]);
  });
});

describe('"ask:" for support agents in Teams', () => {
  it('answers a customer question with the source quote, ready to paste, in a channel', async () => {
    const activity = teamsFixture('channel-message-mention', teams.serviceUrl);
    const result = await post(server.url, { ...activity, text: '<at>Sora Bot</at> ask: did Disney pay anything?', attachments: [] });
    expect(result.status, result.raw).toBe(200);
    const [reply, ...more] = teams.calls.filter((c) => c.body.type === 'message');
    expect(more).toEqual([]);
    const text = String(reply?.body.text);
    expect(text).toContain('ready to paste');
    expect(text).toContain('From the article');
    expect(text).toMatch(/^> .+/m);
  });

  it('says when the article has no answer to paste', async () => {
    teams.calls.length = 0;
    const activity = teamsFixture('personal-message', teams.serviceUrl);
    const result = await post(server.url, { ...activity, text: 'ask: what is the weather in Paris?' });
    expect(result.status, result.raw).toBe(200);
    expect(teams.calls.map((c) => String(c.body.text))).toEqual([expect.stringContaining("The article doesn't answer")]);
  });
});
