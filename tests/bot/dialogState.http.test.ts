import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { ask, outcomeOf, startTestBot, type Reply } from '../helpers/testBot.js';

let bot: RunningServer;

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});

function textOf(replies: readonly Reply[]): string {
  return replies.filter((r) => r.type === 'message').map((r) => r.text ?? '').join('\n');
}

function buttonsOf(replies: readonly Reply[]): string[] {
  return replies.flatMap((r) => r.suggestedActions?.actions.map((a) => a.title) ?? []);
}

describe('a conversation remembers across HTTP requests, and only its own', () => {
  it('two interleaved conversations each keep their own tour, step and last topic', async () => {
    const a = { conversation: { id: 'interleaved-a' } };
    const b = { conversation: { id: 'interleaved-b' } };

    const a1 = await ask(bot.url, 'walk me through the Disney deal', a);
    const b1 = await ask(bot.url, 'tell me about copilot', b);
    expect(textOf(a1)).toContain('**The Disney deal**');
    expect(textOf(b1)).toContain('**Copilot help**');

    const a2 = await ask(bot.url, 'next', a);
    const b2 = await ask(bot.url, 'next', b);
    expect(textOf(a2)).toContain('Mickey Mouse');
    expect(outcomeOf(a2)).toMatchObject({ outcome: 'answer', topicId: 'disney-characters' });
    expect(textOf(b2)).toContain('Word, Excel, PowerPoint');
    expect(buttonsOf(b2)).toContain('OneNote');

    // a question mid-tour in B pauses only B's tour
    const b3 = await ask(bot.url, 'is it safe?', b);
    expect(textOf(b3)).toContain('never used to train AI models');
    expect(buttonsOf(b3)).toContain('Continue the tour');
    const a3 = await ask(bot.url, 'help', a);
    expect(textOf(a3)).toContain('"The Disney deal" (step 2 of 5: The characters)');
    expect(buttonsOf(a3)).not.toContain('Continue the tour');

    const b4 = await ask(bot.url, 'continue', b);
    expect(textOf(b4)).toContain('where we were: Which apps');

    // follow-ups lean on each conversation's own last answer
    const a4 = await ask(bot.url, 'did they pay anything?', a);
    expect(textOf(a4)).toContain('no financial transactions');
    const b5 = await ask(bot.url, 'stop', b);
    expect(textOf(b5)).toContain("I've stopped the tour");
    const a5 = await ask(bot.url, 'continue', a);
    expect(textOf(a5)).toContain('Back to the tour "The Disney deal"');
  });

  it('every user message gets exactly one outcome trace, tour steps included', async () => {
    const c = { conversation: { id: 'trace-per-turn' } };
    for (const say of ['Tour: Why Sora shut down', 'The IPO', 'help', 'what did Henry Ajder say?', 'Continue the tour', 'menu']) {
      const replies = await ask(bot.url, say, c);
      expect(() => outcomeOf(replies), say).not.toThrow();
    }
  });
});
