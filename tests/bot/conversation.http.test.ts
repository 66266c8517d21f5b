import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { ask, messageActivity, outcomeOf, post, startTestBot, type Reply } from '../helpers/testBot.js';

let bot: RunningServer;

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});

const CONNECTOR = 'https://connector.test.example';

/** Captures every activity the bot posts back to the channel's serviceUrl. */
function captureConnector(conversationId: string): Reply[] {
  const sent: Reply[] = [];
  nock(CONNECTOR)
    .persist()
    .post(new RegExp(`^/v3/conversations/${encodeURIComponent(conversationId)}/activities(/.*)?$`))
    .reply(200, (_uri, body) => {
      sent.push(body as Reply);
      return { id: `sent-${sent.length}` };
    });
  return sent;
}

describe('normal delivery: replies are posted to the serviceUrl', () => {
  it('posts the answer with its source and follow-up buttons to the connector', async () => {
    const sent = captureConnector('webchat-conv-1');
    const result = await post(bot.url, messageActivity('How much did Sora make?', { channelId: 'webchat', serviceUrl: CONNECTOR, conversation: { id: 'webchat-conv-1' } }));
    expect(result.status).toBe(200);
    const messages = sent.filter((a) => a.type === 'message');
    expect(messages).toHaveLength(1);
    const [answer] = messages;
    expect(answer?.text).toContain('$1.4 million');
    expect(answer?.text).toContain('From the article');
    expect(answer?.text).toContain('> According to Sensor Tower, Sora generated only $1.4 million');
    expect(answer?.suggestedActions?.actions.length).toBeGreaterThanOrEqual(2);
    // trace activities only travel to the Emulator channel, never to a real channel
    expect(sent.some((a) => a.type === 'trace')).toBe(false);
  });

  it('sends the trace too on the emulator channel', async () => {
    const sent = captureConnector('emu-conv-1');
    await post(bot.url, messageActivity('hello', { serviceUrl: CONNECTOR, conversation: { id: 'emu-conv-1' } }));
    expect(sent.map((a) => a.type)).toEqual(['message', 'trace']);
    expect(sent[1]).toMatchObject({ name: 'outcome', value: { outcome: 'smalltalk', topicId: 'greeting' } });
  });
});

describe('expectReplies: replies come back in the response', () => {
  it('returns the answer and exactly one outcome trace', async () => {
    const replies = await ask(bot.url, 'Which characters did Disney allow Sora to use?', { conversation: { id: 'er-1' } });
    const trace = outcomeOf(replies);
    expect(trace).toMatchObject({ outcome: 'answer', topicId: 'disney-characters' });
    expect(trace.score).toBeGreaterThan(0);
    expect(trace.score).toBeLessThanOrEqual(1);
    const text = replies.find((r) => r.type === 'message')?.text ?? '';
    expect(text).toMatch(/Mickey Mouse/);
    expect(text).toMatch(/sections? .*"Behind the scenes of the deal with Disney"/);
  });

  it('says plainly when the article does not cover the question, and offers what it can answer', async () => {
    const replies = await ask(bot.url, 'Who won the football world cup?', { conversation: { id: 'er-2' } });
    expect(outcomeOf(replies)).toMatchObject({ outcome: 'fallback', topicId: null });
    const message = replies.find((r) => r.type === 'message');
    expect(message?.text).toMatch(/doesn't cover that/);
    expect(message?.suggestedActions?.actions.map((a) => a.title)).toContain('Talk to a person');
  });
});

describe('small talk', () => {
  it('answers help with what the bot does and starter questions as buttons', async () => {
    const replies = await ask(bot.url, 'what can you do?', { conversation: { id: 'st-1' } });
    expect(outcomeOf(replies)).toMatchObject({ outcome: 'smalltalk', topicId: 'help' });
    const message = replies.find((r) => r.type === 'message');
    expect(message?.text).toMatch(/only from what the article says/);
    expect(message?.suggestedActions?.actions.map((a) => a.title)).toContain('Why was Sora shut down?');
  });

  it('thanks without buttons', async () => {
    const replies = await ask(bot.url, 'thanks!', { conversation: { id: 'st-2' } });
    expect(replies.find((r) => r.type === 'message')?.suggestedActions).toBeUndefined();
  });
});

describe('welcome', () => {
  const update = (members: { id: string }[], id: string): Record<string, unknown> => ({
    ...messageActivity('', { type: 'conversationUpdate', deliveryMode: 'expectReplies', conversation: { id } }),
    text: undefined,
    membersAdded: members,
  });

  it('greets a user who joins, with starter questions', async () => {
    const result = await post(bot.url, update([{ id: 'bot-1' }, { id: 'user-1' }], 'welcome-1'));
    const replies = (result.body as { activities: Reply[] }).activities;
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toMatch(/Sora's Closure/);
    expect(replies[0]?.suggestedActions?.actions.length).toBeGreaterThanOrEqual(3);
  });

  it('says nothing when only the bot was added', async () => {
    const result = await post(bot.url, update([{ id: 'bot-1' }], 'welcome-2'));
    expect((result.body as { activities: Reply[] }).activities).toEqual([]);
  });
});

describe('handoff', () => {
  it('acknowledges, then sends handoff.initiate with the transcript attached', async () => {
    const conversation = { id: 'handoff-1' };
    await ask(bot.url, 'How much did Sora make?', { conversation });
    const replies = await ask(bot.url, 'I want to talk to a human', { conversation });
    expect(outcomeOf(replies).outcome).toBe('handoff');
    const [ack, event] = replies.filter((r) => r.type !== 'trace');
    expect(ack?.text).toMatch(/person from our support team/);
    expect(event).toMatchObject({ type: 'event', name: 'handoff.initiate', value: { question: 'How much did Sora make?' } });
    const transcript = event?.attachments?.[0];
    expect(transcript?.contentType).toBe('application/json');
    const lines = (transcript?.content as { activities: { text: string; from: { role: string } }[] }).activities;
    expect(lines.map((l) => [l.from.role, l.text])).toEqual([
      ['user', 'How much did Sora make?'],
      ['bot', expect.stringContaining('Sensor Tower') as string],
      ['user', 'I want to talk to a human'],
      ['bot', expect.stringContaining("I'll connect you") as string],
    ]);
  });

  it('tells the user when the agent hub accepts, fails or completes the handoff', async () => {
    for (const [state, words] of [['accepted', /has joined/], ['failed', /couldn't reach a person/], ['completed', /has ended/]] as const) {
      const result = await post(bot.url, { ...messageActivity(''), type: 'event', name: 'handoff.status', value: { state }, deliveryMode: 'expectReplies', text: undefined });
      const replies = (result.body as { activities: Reply[] }).activities;
      expect(replies[0]?.text).toMatch(words);
    }
  });
});

describe('conversation state', () => {
  it('survives across HTTP requests of one conversation and stays apart between conversations', async () => {
    const a = { conversation: { id: 'state-a' } };
    const b = { conversation: { id: 'state-b' } };
    await ask(bot.url, 'How much did Sora make?', a);
    await ask(bot.url, 'What is Microsoft Copilot?', b);
    expect(outcomeOf(await ask(bot.url, 'and what about ChatGPT?', a)).topicId).toBe('chatgpt-revenue');
    expect(outcomeOf(await ask(bot.url, 'which apps does it work with?', b)).topicId).toBe('copilot-apps');
  });
});

describe('attachments without text', () => {
  it('says it reads text only, with one fallback trace', async () => {
    const replies = await ask(bot.url, '', { conversation: { id: 'attach-1' }, attachments: [{ contentType: 'image/png', contentUrl: 'https://example.test/cat.png' }] });
    expect(outcomeOf(replies)).toEqual({ outcome: 'fallback', topicId: null, score: null });
    expect(replies.find((r) => r.type === 'message')?.text).toMatch(/only read text/);
  });
});
