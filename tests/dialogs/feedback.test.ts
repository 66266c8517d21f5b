import { describe, expect, it } from 'vitest';
import { DialogHarness, expectTurn } from './dialogHarness.js';

// Feedback buttons are messageBack actions: a tap sends their data (value) with no text, as Web
// Chat and the Emulator do; Teams sends a card's Action.Submit data the same way (tested over HTTP
// in tests/learning/feedback.http.test.ts).

const REASONS = ['Wrong answer', 'Not what I asked', 'Too little detail', 'Something else was wrong', 'Talk to a person'];
const SORA_REVENUE = 'How much did Sora make?';

describe('👍 / 👎 under every answer', () => {
  it('an answer carries 👍 and 👎 naming the entry and the question', async () => {
    const harness = new DialogHarness();
    const turn = await harness.say(SORA_REVENUE);
    expect(turn.text).toContain('$1.4 million');
    expect(turn.dataButtons).toEqual([
      { title: '👍 Helpful', value: { feedback: 'up', topicId: 'sora-revenue', question: SORA_REVENUE } },
      { title: '👎 Not helpful', value: { feedback: 'down', topicId: 'sora-revenue', question: SORA_REVENUE } },
    ]);
  });

  it.each([
    ['a fallback', 'Is bitcoin going up?'],
    ['small talk', 'hello'],
    ['the topics menu', 'menu'],
  ])('%s has no feedback buttons', async (_kind, say) => {
    const turn = await new DialogHarness().say(say);
    expect(turn.dataButtons).toEqual([]);
  });

  it('👍 is thanked, is not read as a question, and reports one smalltalk outcome "feedback"', async () => {
    const harness = new DialogHarness();
    await harness.say(SORA_REVENUE);
    const turn = await harness.tap('👍 Helpful');
    expectTurn(turn, { say: '👍 Helpful', reply: ['Thanks for letting me know'], outcome: { outcome: 'smalltalk', topicId: 'feedback', score: 1 } });
    expect(turn.buttons).toEqual([]);
  });

  it('👎 asks what was wrong with one-tap reasons and a person; the pick is thanked', async () => {
    const harness = new DialogHarness();
    await harness.say(SORA_REVENUE);
    const asked = await harness.tap('👎 Not helpful');
    expectTurn(asked, { say: '👎 Not helpful', reply: ['What was wrong?'], outcome: { outcome: 'smalltalk', topicId: 'feedback' } });
    expect(asked.buttons).toEqual(REASONS);
    const noted = await harness.tap('Not what I asked');
    expectTurn(noted, { say: 'Not what I asked', reply: ["I've noted that"], outcome: { outcome: 'smalltalk', topicId: 'feedback' } });
    // the conversation goes on as before: a follow-up still leans on the last answer
    await harness.play([{ say: 'and ChatGPT?', reply: ['$1.9 billion'] }]);
  });

  it('"Talk to a person" after 👎 hands over, with the handoff event and outcome', async () => {
    const harness = new DialogHarness();
    await harness.say(SORA_REVENUE);
    await harness.tap('👎 Not helpful');
    const turn = await harness.tap('Talk to a person');
    expectTurn(turn, { say: 'Talk to a person', reply: ["I'll connect you with a person"], outcome: { outcome: 'handoff' } });
    expect(turn.events).toEqual(['handoff.initiate']);
  });

  it('a Teams card submit (value only, no text) works like a tap', async () => {
    const harness = new DialogHarness();
    await harness.say(SORA_REVENUE);
    const turn = await harness.tap('👎 Not helpful', { feedback: 'down', topicId: 'sora-revenue', question: SORA_REVENUE });
    expect(turn.buttons).toEqual(REASONS);
  });

  it.each([
    ['another bot\'s card data', { action: 'submit' }],
    ['a reason without the reason', { feedback: 'reason', topicId: 'sora-revenue', question: 'q' }],
    ['an unknown vote', { feedback: 'meh', topicId: 'sora-revenue', question: 'q' }],
  ])('%s is not feedback: read as an empty message', async (_name, value) => {
    const turn = await new DialogHarness().tap('', value);
    expect(turn.outcome?.outcome).toBe('fallback');
    expect(turn.text).toContain('Send me a question');
  });
});

describe('feedback in the middle of a tour', () => {
  it('a tour step carries 👍 / 👎 naming the step; a tap neither pauses nor ends the tour', async () => {
    const harness = new DialogHarness();
    await harness.play([
      { say: 'Tour: Why Sora shut down', reply: ["Here's the short story"] },
      { say: 'Revenue vs cost', reply: ['$1.4 million'], buttons: ['Next reason: deepfakes and copyright', '👍 Helpful', '👎 Not helpful'] },
    ]);
    expect(harness.events.events).toEqual([]);
    const thanked = await harness.tap('👍 Helpful');
    expectTurn(thanked, { say: '👍 Helpful', reply: ['Thanks'], buttons: ['Next reason: deepfakes and copyright', 'Back to topics'], outcome: { outcome: 'smalltalk', topicId: 'feedback' } });
    expect(harness.events.events.at(-1)).toMatchObject({ type: 'feedback', vote: 'up', topicId: 'tour:why-sora-closed/revenue', question: 'Revenue vs cost' });
    await harness.play([{ say: 'Next reason: deepfakes and copyright', reply: ['deepfakes'], outcome: { topicId: 'sora-deepfakes' } }]);
  });

  it('👎 and a reason mid-tour, then the tour goes on from the same step', async () => {
    const harness = new DialogHarness();
    await harness.play([
      { say: 'take me through the Disney deal', reply: ['**The Disney deal**'] },
      { say: 'Next: the characters', reply: ['Mickey Mouse'] },
    ]);
    await harness.tap('👎 Not helpful');
    const noted = await harness.tap('Too little detail');
    expectTurn(noted, { say: 'Too little detail', reply: ["I've noted that"], buttons: ['Next: why it mattered', 'Back to topics'] });
    await harness.play([{ say: 'Next: why it mattered', reply: ['turning point'], outcome: { topicId: 'disney-turning-point' } }]);
  });

  it('feedback on an answer given mid-tour keeps the tour paused, with "Continue the tour" offered again', async () => {
    const harness = new DialogHarness();
    await harness.play([
      { say: 'Tour: The Disney deal', reply: ['**The Disney deal**'] },
      { say: SORA_REVENUE, reply: ['$1.4 million'], buttons: ['Continue the tour', '👍 Helpful', '👎 Not helpful'] },
    ]);
    const thanked = await harness.tap('👍 Helpful');
    expect(thanked.buttons).toEqual(['Continue the tour', 'Back to topics']);
    expect(harness.events.events.at(-1)).toMatchObject({ type: 'feedback', topicId: 'sora-revenue', question: SORA_REVENUE });
    await harness.play([{ say: 'Continue the tour', reply: ['Back to the tour "The Disney deal"'] }]);
  });

  it('"Talk to a person" from a 👎 mid-tour ends the tour', async () => {
    const harness = new DialogHarness();
    await harness.play([{ say: 'Tour: The Disney deal', reply: ['**The Disney deal**'] }]);
    await harness.tap('👎 Not helpful');
    const turn = await harness.tap('Talk to a person');
    expect(turn.events).toEqual(['handoff.initiate']);
    // no tour any more: "next" is an ordinary message
    const after = await harness.say('Next: the characters');
    expect(after.text).not.toContain('Back to the tour');
  });
});
