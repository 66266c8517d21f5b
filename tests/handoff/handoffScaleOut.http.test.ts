import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { startAzurite, type Azurite } from '../helpers/azurite.js';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../helpers/fakeConnector.js';
import { post, startTestBot } from '../helpers/testBot.js';
import { channelThreadActivity, teamsFixture } from '../teams/teamsFixtures.js';

// Issue 5: tickets and relay state live in the bot's Storage, so a handoff works when every
// message lands on a different instance. Two bot instances with their own Blob Storage clients on
// one Azurite container; a Teams user in a personal chat hands over, and the agent works the
// ticket in the support channel, each step on the other instance than the one before.

const SUPPORT_CHANNEL = '19:7c41e0d2a9b84f6e8d3c1b5a2f9e0d47@thread.tacv2';
const AGENT = { id: '29:agent-ben', name: 'Ben Okafor', aadObjectId: '7f0d9c3e-2b6a-4e1f-8a57-0c9d4b3e2a61' };

let azurite: Azurite;
let teams: FakeConnector;
let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  azurite = await startAzurite();
  teams = await startFakeConnector();
  const env = { STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_CONTAINER: 'handoff-scale-out', SUPPORT_CHANNEL_ID: SUPPORT_CHANNEL };
  a = await startTestBot(env);
  b = await startTestBot(env);
  // instance B learns how to reach the support channel; A must find it in storage
  expect((await post(b.url, teamsFixture('bot-added-to-team', teams.serviceUrl))).status).toBe(200);
});
afterAll(async () => {
  await a.close();
  await b.close();
  await teams.close();
  await azurite.close();
});

const userConversation = teamsFixture('personal-message').conversation?.id ?? '';

/** The user writes in their personal chat with the bot, on instance `on`. */
async function userSays(on: RunningServer, text: string): Promise<void> {
  const result = await post(on.url, { ...teamsFixture('personal-message', teams.serviceUrl), id: randomUUID(), text, attachments: [] });
  expect(result.status, result.raw).toBe(200);
}

/** The agent writes in the ticket's thread (or taps a card button), on instance `on`. */
async function agentSays(on: RunningServer, thread: string, text: string, value?: unknown): Promise<void> {
  const result = await post(on.url, channelThreadActivity(teams.serviceUrl, thread, AGENT, text, value));
  expect(result.status, result.raw).toBe(200);
}

/** Messages the bot posted into `conversation` since call number `from`. */
function postedTo(conversation: string, from: number): string[] {
  return teams.calls
    .slice(from)
    .filter((c: ConnectorCall) => c.method === 'POST' && c.body.type === 'message' && c.path.startsWith(`/v3/conversations/${conversation}/activities`))
    .map((c) => (typeof c.body.text === 'string' ? c.body.text : ''));
}

describe('a handoff across two instances sharing Blob Storage', () => {
  it('each step on the other instance: hand over on A, claim on B, reply on A, user answers on B, resolve on A', async () => {
    const start = teams.calls.length;
    await userSays(a, 'I would like to talk to a person');
    const created = teams.calls.slice(start).find((c) => c.path === '/v3/conversations');
    expect(created, 'the ticket card was posted to the support channel').toBeDefined();
    const ticketId = /Ticket ([0-9A-Z]{8})/.exec(JSON.stringify(created?.body))?.[1] ?? '';
    const thread = `${SUPPORT_CHANNEL};messageid=post-${teams.calls.indexOf(created!) + 1}`;

    await agentSays(b, thread, '', { handoff: 'claim', ticketId });
    await agentSays(a, thread, 'Hello, Ben here. How can I help?');
    await userSays(b, 'Was Sora available in Europe?');
    await agentSays(a, thread, '', { handoff: 'resolve', ticketId });

    // what the user read in their chat, in order, once each
    expect(postedTo(userConversation, start)).toEqual([
      expect.stringContaining("I'll connect you with a person"),
      'Ben Okafor from our support team has joined and will answer you here.',
      '**Ben Okafor (support):** Hello, Ben here. How can I help?',
      expect.stringContaining('The support conversation has ended'),
    ]);
    // what the agents read in the ticket's thread
    expect(postedTo(thread, start)).toEqual([
      expect.stringContaining('Ben Okafor claimed this ticket'),
      '**Customer:** Was Sora available in Europe?',
      expect.stringContaining('Ben Okafor resolved this ticket'),
    ]);
  });
});
