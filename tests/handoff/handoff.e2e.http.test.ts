import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { poll, send, startConversation, type Session, type StreamActivity } from '../helpers/directLineClient.js';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../helpers/fakeConnector.js';
import { agentCall, API_KEY } from '../helpers/agentApi.js';
import { post, startTestBot } from '../helpers/testBot.js';
import { channelThreadActivity, teamsFixture } from '../teams/teamsFixtures.js';

// Issue 5, end to end over real HTTP: a website visitor (Web Chat through the bot's local Direct
// Line) asks for a person; the ticket card reaches the support channel in Teams (a fake Teams
// connector on loopback records what the bot posts there); an agent claims it from the card,
// replies in the thread, the visitor answers, the agent resolves, and the visitor is back with the
// bot. Every message must arrive once and in order, on both sides.

/** The support channel of the Teams fixtures (channel-message-mention, bot-added-to-team). */
const SUPPORT_CHANNEL = '19:7c41e0d2a9b84f6e8d3c1b5a2f9e0d47@thread.tacv2';
const AGENT = { id: '29:agent-ana', name: 'Ana Lima', aadObjectId: 'c2a7e5b1-8d34-4f6a-9e02-7b1c3d5f9a48' };
const OTHER_AGENT = { id: '29:agent-ben', name: 'Ben Okafor', aadObjectId: '7f0d9c3e-2b6a-4e1f-8a57-0c9d4b3e2a61' };

let bot: RunningServer;
let teams: FakeConnector;

beforeAll(async () => {
  teams = await startFakeConnector();
  bot = await startTestBot({ SUPPORT_CHANNEL_ID: SUPPORT_CHANNEL, HANDOFF_API_KEY: API_KEY });
  // the bot is added to the support team: that is how it learns to reach the channel
  const added = await post(bot.url, teamsFixture('bot-added-to-team', teams.serviceUrl));
  expect(added.status, added.raw).toBe(200);
});
afterAll(async () => {
  await bot.close();
  await teams.close();
});

/** What the visitor's browser has received from the bot so far (messages and events), via polling. */
class Visitor {
  private watermark: string | undefined;
  readonly received: StreamActivity[] = [];

  private constructor(readonly session: Session) {}

  static async arrive(): Promise<Visitor> {
    const visitor = new Visitor(await startConversation(bot.url));
    await visitor.waitFor(1); // the welcome
    return visitor;
  }

  async say(text: string): Promise<void> {
    const result = await send(bot.url, this.session, { type: 'message', from: { id: 'dl_visitor', role: 'user' }, text });
    expect(result.status, result.raw).toBe(200);
  }

  /** Polls (at most `tries` times) until at least `count` activities from the bot have arrived in all. */
  async waitFor(count: number, tries = 200): Promise<StreamActivity[]> {
    for (let i = 0; i < tries && this.received.length < count; i += 1) {
      const set = await poll(bot.url, this.session, this.watermark);
      this.watermark = set.watermark;
      this.received.push(...set.activities.filter((a) => a.from.role === 'bot'));
      if (this.received.length < count) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.received;
  }
}

/** The messages the bot posted to the Teams connector since `from` (card updates are PUTs). */
function teamsMessages(from: number): ConnectorCall[] {
  return teams.calls.slice(from).filter((c) => c.method === 'POST' && c.body.type === 'message');
}

async function agentSays(threadId: string, text: string, value?: unknown, agent: typeof AGENT = AGENT): Promise<void> {
  const result = await post(bot.url, channelThreadActivity(teams.serviceUrl, threadId, agent, text, value));
  expect(result.status, result.raw).toBe(200);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function textsOf(activities: readonly StreamActivity[]): string[] {
  return activities.filter((a) => a.type === 'message').map((a) => a.text ?? '');
}

describe('human handoff from the website to agents in Teams, over real HTTP', () => {
  it('ticket card, claim, agent and visitor talk, resolve, and the visitor is back with the bot: every message once, in order', async () => {
    const visitor = await Visitor.arrive();
    const teamsBefore = teams.calls.length;

    // 1. the visitor asks something the article does not answer, then for a person
    await visitor.say('Did Disney pay OpenAI anything to end the deal?');
    await visitor.waitFor(2);
    await visitor.say('I want to talk to a human');
    const afterRequest = await visitor.waitFor(4);
    expect(afterRequest[2]?.text).toContain('connect you with a person');
    expect(afterRequest[3]).toMatchObject({ type: 'event', name: 'handoff.initiate' });

    // 2. the ticket card reaches the support channel, as a new post
    const [cardPost, ...rest] = teams.calls.slice(teamsBefore);
    expect(rest).toEqual([]);
    expect(cardPost?.path).toBe('/v3/conversations');
    expect(cardPost?.body).toMatchObject({ isGroup: true, channelData: { channel: { id: SUPPORT_CHANNEL } } });
    const card = JSON.stringify((cardPost?.body.activity as { attachments?: unknown } | undefined)?.attachments);
    expect(card).toContain('AdaptiveCard');
    expect(card).toContain('Did Disney pay OpenAI anything to end the deal?');
    expect(card).toContain('The user asked for a person');
    expect(card).toContain('webchat');
    const ticketId = /Ticket ([0-9A-Z]{8})/.exec(card)?.[1] ?? '';
    expect(ticketId).not.toBe('');
    // Teams (here the fake connector) answered with the thread under the post: `<channel>;messageid=<post id>`
    const thread = `${SUPPORT_CHANNEL};messageid=post-${teams.calls.indexOf(cardPost!) + 1}`;
    const inThread: unknown = expect.stringMatching(new RegExp(`^/v3/conversations/${escape(thread)}/activities`));

    // 3. Ana claims it from the card: the visitor is told, the thread says so, the card shows it
    const beforeClaim = teams.calls.length;
    await agentSays(thread, '', { handoff: 'claim', ticketId });
    await visitor.waitFor(5);
    expect(visitor.received[4]?.text).toBe('Ana Lima from our support team has joined and will answer you here.');
    const claimCalls = teams.calls.slice(beforeClaim);
    expect(claimCalls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body.text])).toEqual([
      [inThread, expect.stringContaining('Ana Lima claimed this ticket')],
    ]);
    expect(claimCalls.filter((c) => c.method === 'PUT').map((c) => JSON.stringify(c.body))).toEqual([expect.stringContaining('Claimed by Ana Lima')]);

    // 4. Ana writes in the thread: it reaches the visitor, and nothing is said in Teams
    const beforeReply = teams.calls.length;
    await agentSays(thread, 'Hi, I can help. The article says Disney never paid anything.');
    await visitor.waitFor(6);
    expect(visitor.received[5]?.text).toBe('**Ana Lima (support):** Hi, I can help. The article says Disney never paid anything.');
    expect(teams.calls.slice(beforeReply)).toEqual([]);

    // 4b. Ana asks the bot a customer question in the thread: the answer is for her, not the visitor
    const beforeAsk = teams.calls.length;
    await agentSays(thread, 'ask: which characters could Sora use?');
    const asked = teamsMessages(beforeAsk);
    expect(asked.map((c) => c.path)).toEqual([inThread]);
    expect(String(asked[0]?.body.text)).toContain('From the article');

    // 5. the visitor answers: it reaches the thread, and the bot stays quiet
    await visitor.say('Thanks! And when did the app close?');
    await visitor.say('One more: was the API closed too?');
    const userLines = teamsMessages(beforeReply).filter((c) => String(c.body.text).startsWith('**Customer:**'));
    expect(teamsMessages(beforeReply)).toHaveLength(3); // the answer for Ana, then the two lines
    expect(userLines.map((c) => [c.path, c.body.text])).toEqual([
      [inThread, '**Customer:** Thanks! And when did the app close?'],
      [inThread, '**Customer:** One more: was the API closed too?'],
    ]);

    // 6. Ana resolves: the visitor is told, the thread and card say so
    const beforeResolve = teams.calls.length;
    await agentSays(thread, '', { handoff: 'resolve', ticketId });
    await visitor.waitFor(7);
    expect(visitor.received[6]?.text).toContain('The support conversation has ended');
    expect(teamsMessages(beforeResolve).map((c) => c.body.text)).toEqual([expect.stringContaining('Ana Lima resolved this ticket')]);
    const resolvedCard = teams.calls.slice(beforeResolve).filter((c) => c.method === 'PUT');
    expect(resolvedCard.map((c) => JSON.stringify(c.body))).toEqual([expect.stringContaining('Resolved by Ana Lima')]);
    expect(JSON.stringify(resolvedCard[0]?.body)).not.toContain('Action.Submit');

    // 7. back with the bot: a question is answered from the article again
    await visitor.say('Why did OpenAI shut down Sora?');
    const all = await visitor.waitFor(8);
    expect(all[7]?.text).toContain('From the article');

    // the whole visitor side, once each and in order (welcome, answer to the first question, handoff, ...)
    await new Promise((resolve) => setTimeout(resolve, 100));
    await visitor.waitFor(9, 10); // nothing more may come
    expect(visitor.received.map((a) => a.type)).toEqual(['message', 'message', 'message', 'event', 'message', 'message', 'message', 'message']);
    expect(textsOf(visitor.received).slice(3)).toEqual([
      'Ana Lima from our support team has joined and will answer you here.',
      '**Ana Lima (support):** Hi, I can help. The article says Disney never paid anything.',
      expect.stringContaining('The support conversation has ended'),
      expect.stringContaining('From the article'),
    ]);
  });

  it('in the thread, only the agent who claimed the ticket reaches the visitor; others are told why', async () => {
    const visitor = await Visitor.arrive();
    const before = teams.calls.length;
    await visitor.say('get me a human');
    await visitor.waitFor(3);
    const card = JSON.stringify(teams.calls.slice(before)[0]?.body);
    const ticketId = /Ticket ([0-9A-Z]{8})/.exec(card)?.[1] ?? '';
    const thread = `${SUPPORT_CHANNEL};messageid=post-${before + 1}`;

    // while nobody has claimed it, the bot answers, and the thread gets the question with the answer
    const beforeWaiting = teams.calls.length;
    await visitor.say('What is Seedance?');
    await visitor.waitFor(4);
    expect(teamsMessages(beforeWaiting).map((c) => [c.path, c.body.text])).toEqual([
      [expect.stringContaining(thread), expect.stringMatching(/^\*\*Customer:\*\* What is Seedance\?\n\n\*\*Bot:\*\* .*Seedance/s)],
    ]);

    const said = async (text: string, value?: unknown, agent = AGENT): Promise<string[]> => {
      const from = teams.calls.length;
      await agentSays(thread, text, value, agent);
      return teamsMessages(from).map((c) => String(c.body.text));
    };
    expect(await said('Hello?')).toEqual([expect.stringContaining('Claim the ticket first')]);
    expect(await said('claim')).toEqual([expect.stringContaining('Ana Lima claimed this ticket')]);
    expect(await said('', { handoff: 'claim', ticketId }, OTHER_AGENT)).toEqual(['This ticket is already claimed by Ana Lima.']);
    expect(await said('I can take this one', undefined, OTHER_AGENT)).toEqual([expect.stringContaining('Only Ana Lima')]);
    expect(await said('resolve')).toEqual([expect.stringContaining('Ana Lima resolved this ticket')]);
    expect(await said('Anyone there?')).toEqual(['This ticket is already resolved; the customer is back with the bot.']);

    // the visitor heard only from Ana: joined, then the end; not "Hello?" nor Ben
    const texts = textsOf(await visitor.waitFor(6));
    expect(texts.slice(1)).toEqual([
      expect.stringContaining("I'll connect you with a person"),
      expect.stringContaining('Seedance'),
      'Ana Lima from our support team has joined and will answer you here.',
      expect.stringContaining('The support conversation has ended'),
    ]);
  });

  it('an agent tool does the same through the agent API: claim, reply, read the answer, resolve', async () => {
    const visitor = await Visitor.arrive();
    await visitor.say('I need to speak with customer service');
    await visitor.waitFor(3);
    const { tickets } = (await agentCall(bot.url, 'GET', '/api/agent/tickets')).body as { tickets: { id: string; status: string }[] };
    const ticketId = tickets.filter((t) => t.status === 'open').at(-1)?.id ?? '';
    const tool = { id: 'carla@example.com', name: 'Carla' };

    expect((await agentCall(bot.url, 'POST', `/api/agent/tickets/${ticketId}/claim`, { agent: tool })).status).toBe(200);
    expect((await agentCall(bot.url, 'POST', `/api/agent/tickets/${ticketId}/reply`, { agent: tool, text: 'Hello from the support console.' })).status).toBe(200);
    await visitor.waitFor(5);
    await visitor.say('Great, thanks');
    // what the visitor wrote is in the ticket for the tool to read
    const ticket = (await agentCall(bot.url, 'GET', `/api/agent/tickets/${ticketId}`)).body as { ticket: { transcript: { from: string; text: string }[] } };
    expect(ticket.ticket.transcript.slice(-2)).toEqual([expect.objectContaining({ from: 'agent', text: 'Hello from the support console.' }), expect.objectContaining({ from: 'user', text: 'Great, thanks' })]);
    expect((await agentCall(bot.url, 'POST', `/api/agent/tickets/${ticketId}/resolve`, { agent: tool })).status).toBe(200);

    await visitor.say('What is Seedance?');
    const texts = textsOf(await visitor.waitFor(7));
    expect(texts.slice(2)).toEqual([
      'Carla from our support team has joined and will answer you here.',
      '**Carla (support):** Hello from the support console.',
      expect.stringContaining('The support conversation has ended'),
      expect.stringContaining('From the article'),
    ]);
  });
});
