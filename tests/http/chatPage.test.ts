import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { outcomeOf, post, startTestBot, type Reply } from '../helpers/testBot.js';

let bot: RunningServer;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});

describe('the local chat page', () => {
  it.each([
    ['/', 'text/html', '<script src="/chat.js">'],
    ['/chat', 'text/html', '<form class="chat__form"'],
    ['/chat.js', 'text/javascript', "deliveryMode: 'expectReplies'"],
    ['/chat.css', 'text/css', '.chat__log'],
  ])('serves %s with its type and locked-down headers', async (route, type, content) => {
    const response = await fetch(`${bot.url}${route}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain(content);
  });

  it('gets a welcome and an answer the way the page asks (webchat channel, expectReplies)', async () => {
    const base = {
      channelId: 'webchat',
      serviceUrl: bot.url,
      deliveryMode: 'expectReplies',
      conversation: { id: 'page-test' },
      from: { id: 'page-user', role: 'user' },
      recipient: { id: 'bot', role: 'bot' },
    };
    const welcome = await post(bot.url, { ...base, type: 'conversationUpdate', membersAdded: [{ id: 'page-user' }] });
    expect((welcome.body as { activities: Reply[] }).activities[0]?.text).toMatch(/Sora's Closure/);
    const answer = await post(bot.url, { ...base, type: 'message', text: 'Which characters could Sora use?' });
    const replies = (answer.body as { activities: Reply[] }).activities;
    expect(outcomeOf(replies).topicId).toBe('disney-characters');
  });
});
