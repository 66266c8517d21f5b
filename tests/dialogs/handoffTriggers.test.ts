import { describe, expect, it } from 'vitest';
import { DialogHarness } from './dialogHarness.js';

// Issue 5: the bot hands over when the user asks for a person, after two unanswered questions in a
// row, and after "Something else" on a "Did you mean" (tests/dialogs/followUps.test.ts); it always
// says what will happen first.
describe('when the bot hands the conversation to a person', () => {
  it('a request for a person in any wording opens a handoff at once', async () => {
    const harness = new DialogHarness();
    const [turn] = await harness.play([{ say: 'can I talk to a real human please', reply: ['connect you with a person'], outcome: { outcome: 'handoff' } }]);
    expect(turn?.events).toEqual(['handoff.initiate']);
    expect(harness.handoffs).toEqual([{ reason: 'asked-for-person' }]);
  });

  it('two questions in a row the article does not answer: the second says so, then that a person will take it', async () => {
    const harness = new DialogHarness();
    const [first, second] = await harness.play([
      { say: 'what is the weather in Paris tomorrow?', reply: ["doesn't cover that"], notReply: ['person from our support team'], outcome: { outcome: 'fallback' } },
      { say: 'who won the football world cup in 2022?', reply: ["doesn't cover that", 'pass your question to a person'], outcome: { outcome: 'fallback' } },
    ]);
    expect(first?.events).toEqual([]);
    expect(second?.events).toEqual(['handoff.initiate']);
    expect(second?.buttons).not.toContain('Talk to a person');
    expect(harness.handoffs).toHaveLength(1);
    expect(harness.handoffs[0]).toMatchObject({ reason: 'repeated-fallback', question: 'who won the football world cup in 2022?' });
  });

  it('an answer in between starts the count again', async () => {
    const harness = new DialogHarness();
    await harness.play([
      { say: 'what is the weather in Paris tomorrow?', reply: ["doesn't cover that"], outcome: { outcome: 'fallback' } },
      { say: 'why did OpenAI shut down Sora?', reply: [], outcome: { outcome: 'answer' } },
      { say: 'who won the football world cup in 2022?', reply: ["doesn't cover that"], notReply: ['pass your question to a person'], outcome: { outcome: 'fallback' } },
    ]);
    expect(harness.handoffs).toEqual([]);
  });

  it('an empty message is not an unanswered question', async () => {
    const harness = new DialogHarness();
    await harness.play([
      { say: 'what is the weather in Paris tomorrow?', reply: ["doesn't cover that"], outcome: { outcome: 'fallback' } },
      { say: '   ', reply: ['Send me a question'] },
    ]);
    expect(harness.handoffs).toEqual([]);
  });
});
