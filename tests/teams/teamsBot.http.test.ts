import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../helpers/fakeConnector.js';
import { post, startTestBot } from '../helpers/testBot.js';
import { teamsFixture, type TeamsFixtureName } from './teamsFixtures.js';

let bot: RunningServer;
let connector: FakeConnector;

beforeAll(async () => {
  bot = await startTestBot();
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector.close();
  await bot.close();
});
afterEach(() => {
  connector.calls.length = 0;
});

interface CardBody {
  readonly type: string;
  readonly version: string;
  readonly body: readonly unknown[];
  readonly actions?: readonly { type: string; title: string; data: { msteams: { type: string; value: string } } }[];
}

/** Posts a Teams fixture (optionally changed) to /api/messages and returns what reached the connector. */
async function send(name: TeamsFixtureName, change: (a: Record<string, unknown>) => Record<string, unknown> = (a) => a): Promise<ConnectorCall[]> {
  const before = connector.calls.length;
  const activity = change(teamsFixture(name, connector.serviceUrl));
  const result = await post(bot.url, activity);
  expect(result.status, result.raw).toBe(200);
  return connector.calls.slice(before);
}

function cardOf(call: ConnectorCall | undefined): CardBody {
  const attachments = call?.body.attachments as { contentType: string; content: CardBody }[] | undefined;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(call?.body)}`);
  return card;
}

function messages(calls: readonly ConnectorCall[]): ConnectorCall[] {
  return calls.filter((c) => c.body.type === 'message');
}

describe('Microsoft Teams, over HTTP with a fake Teams connector', () => {
  it('answers in a personal chat with an Adaptive Card 1.5: answer, source quote, buttons that post the question back, and suggested actions', async () => {
    const fixture = teamsFixture('personal-message');
    const calls = messages(await send('personal-message'));
    expect(calls).toHaveLength(1);
    const [reply] = calls;
    const conversationId = (fixture.conversation as { id: string }).id;
    expect(reply?.path).toBe(`/v3/conversations/${conversationId}/activities/${fixture.id ?? ''}`);
    const card = cardOf(reply);
    expect(card.version).toBe('1.5');
    const cardText = JSON.stringify(card.body);
    expect(cardText).toContain('From the article');
    expect(card.actions?.length).toBeGreaterThan(0);
    for (const action of card.actions ?? []) {
      expect(action).toMatchObject({ type: 'Action.Submit', data: { msteams: { type: 'imBack', value: action.title } } });
    }
    const suggested = (reply?.body.suggestedActions as { actions: { title: string }[] } | undefined)?.actions.map((a) => a.title);
    expect(suggested).toEqual(card.actions?.map((a) => a.title));
    // no trace leaves for a real channel
    expect(calls.every((c) => c.body.type !== 'trace')).toBe(true);
  });

  it('answers an @mention in a channel in the thread, without the mention, and with no suggested actions', async () => {
    const calls = messages(await send('channel-message-mention'));
    expect(calls).toHaveLength(1);
    const [reply] = calls;
    expect(reply?.path).toMatch(/^\/v3\/conversations\/19:7c41e0d2a9b84f6e8d3c1b5a2f9e0d47@thread\.tacv2;messageid=1774862100456\/activities\/1774862100456$/);
    expect(JSON.stringify(cardOf(reply).body)).toMatch(/terminated|Disney/);
    expect(reply?.body.suggestedActions).toBeUndefined();
    expect(cardOf(reply).actions?.length).toBeGreaterThan(0);
  });

  it('answers in a group chat with the buttons on the card only', async () => {
    const calls = messages(await send('group-chat-mention'));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body.suggestedActions).toBeUndefined();
    expect(cardOf(calls[0]).body.length).toBeGreaterThan(0);
  });

  it('reads the words after the mention, so the question is answered, not the bot name', async () => {
    const calls = messages(
      await send('channel-message-mention', (a) => ({
        ...a,
        id: 'mention-2',
        text: '<at>Sora Bot</at> which characters could Sora use?',
        conversation: { ...(a.conversation as object), id: '19:7c41e0d2a9b84f6e8d3c1b5a2f9e0d47@thread.tacv2;messageid=mention-2' },
      })),
    );
    expect(JSON.stringify(cardOf(calls[0]).body)).toContain('Mickey Mouse');
  });

  it('copes with a mention entity whose text is not in the message, and with no recipient', async () => {
    const odd = messages(
      await send('channel-message-mention', (a) => ({
        ...a,
        id: 'odd-1',
        text: 'which characters could Sora use?',
        conversation: { ...(a.conversation as object), id: '19:x@thread.tacv2;messageid=odd-1' },
      })),
    );
    expect(JSON.stringify(cardOf(odd[0]).body)).toContain('Mickey Mouse');
    const noRecipient = messages(
      await send('personal-message', (a) => {
        const rest: Record<string, unknown> = { ...a, id: 'no-recipient', text: '<at>Sora Bot</at> how much did Sora make?' };
        delete rest.recipient;
        return rest;
      }),
    );
    expect(JSON.stringify(cardOf(noRecipient[0]).body)).toContain('$1.4 million');
  });

  it('greets once when installed in personal scope, and not again for the installationUpdate or a repeat', async () => {
    const install = messages(await send('install-personal', (a) => ({ ...a, conversation: { id: 'a:install-once' } })));
    expect(install).toHaveLength(1);
    // nine buttons: more than a row of actions, so they stand in the card's body
    expect(JSON.stringify(cardOf(install[0]).body)).toContain('"value":"Tour: Why Sora shut down"');
    expect(messages(await send('installation-update-personal', (a) => ({ ...a, conversation: { id: 'a:install-once' } })))).toHaveLength(0);
    expect(messages(await send('install-personal', (a) => ({ ...a, conversation: { id: 'a:install-once' } })))).toHaveLength(0);
  });

  it('greets the team once when added to it, in the channel, not in a thread', async () => {
    const calls = messages(await send('bot-added-to-team'));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.path).toMatch(/^\/v3\/conversations\/19:[^;]+@thread\.tacv2\/activities/);
  });

  it('does not post anything when a colleague joins a team the bot is in', async () => {
    expect(await send('user-added-to-team')).toHaveLength(0);
  });

  it('takes a tapped card button (imBack) as the question', async () => {
    const calls = messages(await send('card-imback-personal'));
    expect(calls).toHaveLength(1);
    expect(cardOf(calls[0]).version).toBe('1.5');
  });
});
