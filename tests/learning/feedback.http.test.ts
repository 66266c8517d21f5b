import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createBot } from '../../src/createBot.js';
import { conversationHash } from '../../src/learning/conversationHash.js';
import type { EventLog } from '../../src/learning/EventLog.js';
import { learningEventSchema, type LearningEvent } from '../../src/learning/events.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../helpers/fakeConnector.js';
import { ask, outcomeOf, post } from '../helpers/testBot.js';
import { parseAsAdaptiveCard15 } from '../teams/officialCardParser.js';
import { teamsFixture } from '../teams/teamsFixtures.js';

// The feedback buttons as each channel gets them, tapped as each channel sends the tap, with the
// review log written to a real JSON Lines file by the real bot.

const logFile = path.join(mkdtempSync(path.join(tmpdir(), 'review-')), 'events.jsonl');
let bot: RunningServer;
let events: EventLog;
let connector: FakeConnector;

beforeAll(async () => {
  const deps = createBot(loadConfig({ LOG_LEVEL: 'silent', EVENT_LOG_PATH: logFile }), createLogger('silent'));
  events = deps.events;
  bot = await startServer(deps, 0, '127.0.0.1');
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector.close();
  await bot.close();
});
afterEach(() => {
  connector.calls.length = 0;
});

interface CardAction {
  readonly type: string;
  readonly title: string;
  readonly data: unknown;
}
interface Card {
  readonly body: readonly { readonly type: string; readonly actions?: readonly CardAction[] }[];
  readonly actions?: readonly CardAction[];
}

function cardOf(call: ConnectorCall | undefined): Card {
  const attachments = call?.body.attachments as { contentType: string; content: Card }[] | undefined;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(call?.body)}`);
  return card;
}

/** The Action.Submit buttons in the card's body (feedback), by title. */
function submitButtons(card: Card): Map<string, unknown> {
  const actions = card.body.flatMap((element) => (element.type === 'ActionSet' ? (element.actions ?? []) : []));
  return new Map(actions.filter((a) => !JSON.stringify(a.data).includes('imBack')).map((a) => [a.title, a.data]));
}

async function readLog(): Promise<LearningEvent[]> {
  // the bot queues its writes so a turn never waits on the disk
  await events.flush();
  return readFileSync(logFile, 'utf8').trim().split('\n').map((line) => learningEventSchema.parse(JSON.parse(line)));
}

describe('feedback in Teams (Adaptive Card Action.Submit)', () => {
  it('an answer card has 👍 / 👎 under the answer; a 👎 submit (value, no text) asks what was wrong, and the log has it', async () => {
    const question = teamsFixture('personal-message');
    await post(bot.url, teamsFixture('personal-message', connector.serviceUrl));
    const answer = cardOf(connector.calls.find((c) => c.body.type === 'message'));
    expect(parseAsAdaptiveCard15(answer).problems).toEqual([]);
    const votes = submitButtons(answer);
    expect([...votes.keys()]).toEqual(['👍 Helpful', '👎 Not helpful']);
    expect(votes.get('👎 Not helpful')).toMatchObject({ feedback: 'down', question: question.text });

    connector.calls.length = 0;
    const submit = { ...teamsFixture('personal-message', connector.serviceUrl), id: 'submit-1', text: undefined, value: votes.get('👎 Not helpful') };
    const result = await post(bot.url, submit);
    expect(result.status, result.raw).toBe(200);
    const asked = connector.calls.find((c) => c.body.type === 'message');
    expect(asked?.body.text).toContain('What was wrong?');
    const reasons = cardOf(asked);
    expect(parseAsAdaptiveCard15(reasons).problems).toEqual([]);
    expect([...submitButtons(reasons).keys()]).toEqual(['Wrong answer', 'Not what I asked', 'Too little detail', 'Something else was wrong', 'Talk to a person']);

    const conversationId = (question.conversation as { id: string }).id;
    const logged = (await readLog()).filter((e) => e.type === 'feedback');
    expect(logged.at(-1)).toMatchObject({ vote: 'down', channel: 'msteams', question: question.text, conversation: conversationHash(conversationId) });
    expect(readFileSync(logFile, 'utf8')).not.toContain(conversationId);
  });
});

describe('feedback in Web Chat and the Emulator (messageBack suggested actions)', () => {
  it('👍 / 👎 follow the question buttons; a tap sends the value, no text, and gets one outcome', async () => {
    const conversation = { id: 'feedback-webchat' };
    const replies = await ask(bot.url, 'How much did Sora make?', { conversation, channelId: 'webchat' });
    const actions = replies.find((r) => r.type === 'message')?.suggestedActions?.actions ?? [];
    const up = actions.find((a) => a.title === '👍 Helpful') as { type?: string; displayText?: string; value: unknown } | undefined;
    expect(up).toMatchObject({ type: 'messageBack', displayText: '👍 Helpful', value: { feedback: 'up', topicId: 'sora-revenue', question: 'How much did Sora make?' } });
    expect(actions.at(-1)?.title).toBe('👎 Not helpful');

    const thanked = await ask(bot.url, '', { conversation, channelId: 'webchat', text: undefined, value: up?.value });
    expect(thanked.find((r) => r.type === 'message')?.text).toContain('Thanks');
    expect(outcomeOf(thanked)).toEqual({ outcome: 'smalltalk', topicId: 'feedback', score: 1 });
    expect((await readLog()).at(-1)).toMatchObject({ type: 'feedback', vote: 'up', channel: 'webchat', topicId: 'sora-revenue' });
  });
});
