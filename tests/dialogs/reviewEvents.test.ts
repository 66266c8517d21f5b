import { describe, expect, it } from 'vitest';
import { learningEventSchema } from '../../src/learning/events.js';
import { LEARNING_OPTIONS } from '../../src/learning/options.js';
import { answerer, cautiousAnswerer, DialogHarness } from './dialogHarness.js';

// The review log as the real dialogs fill it (in-memory log, real answering core and knowledge).

const cautious = cautiousAnswerer;

describe('review events, recorded through the real dialogs', () => {
  it('every event carries time, hashed conversation, channel and the question, and fits the schema', async () => {
    const harness = new DialogHarness();
    await harness.say('Is bitcoin going up?');
    const [event] = harness.events.events;
    expect(learningEventSchema.parse(event)).toEqual(event);
    expect(event).toMatchObject({ v: 1, type: 'fallback', channel: 'test', question: 'Is bitcoin going up?' });
    expect(event?.conversation).toMatch(/^[0-9a-f]{16}$/);
    await harness.say('How much does Copilot cost?');
    expect(harness.events.events[1]?.conversation).toBe(event?.conversation);
    expect(Date.parse(event?.time ?? '')).not.toBeNaN();
  });

  it('a fallback names its reason, and a known gap its topic', async () => {
    const harness = new DialogHarness();
    await harness.say('Is bitcoin going up?');
    await harness.say('How much does Copilot cost?');
    expect(harness.events.events.map(({ type, question, ...rest }) => ({ type, question, reason: 'reason' in rest ? rest.reason : undefined }))).toEqual([
      { type: 'fallback', question: 'Is bitcoin going up?', reason: 'no-match' },
      { type: 'fallback', question: 'How much does Copilot cost?', reason: 'not-covered' },
    ]);
    expect(harness.events.events[1]).toMatchObject({ topicId: 'copilot-price' });
  });

  it('an answer under the low-confidence score is logged with its entry and score', async () => {
    const question = 'what were the main reasons behind the closure of sora';
    const outcome = answerer.respond(question).outcome;
    // if the matcher changes, pick another question that is answered, but not confidently
    expect(outcome.kind === 'answer' && outcome.score < LEARNING_OPTIONS.lowConfidenceScore, `score ${'score' in outcome ? outcome.score : '-'}`).toBe(true);
    const harness = new DialogHarness();
    await harness.say(question);
    expect(harness.events.events).toEqual([expect.objectContaining({ type: 'low-confidence', question, topicId: 'why-shutdown', score: 'score' in outcome ? outcome.score : -1 })]);
  });

  it('"Did you mean" shown, then the pick: the original question and the entry it meant', async () => {
    const harness = new DialogHarness(cautious);
    await harness.say('zeppelin?');
    await harness.say('the second one');
    expect(harness.events.events).toEqual([
      expect.objectContaining({ type: 'clarify', question: 'zeppelin?', options: ['zeppelin-alpha', 'zeppelin-beta'] }),
      expect.objectContaining({ type: 'clarify-choice', question: 'zeppelin?', topicId: 'zeppelin-beta' }),
    ]);
  });

  it('"Something else" after a "Did you mean" logs the original question as unanswered', async () => {
    const harness = new DialogHarness(cautious);
    await harness.say('zeppelin?');
    await harness.say('Something else');
    expect(harness.events.events.at(-1)).toMatchObject({ type: 'fallback', reason: 'declined', question: 'zeppelin?' });
  });

  it('a new question instead of a pick is no pick', async () => {
    const harness = new DialogHarness(cautious);
    await harness.say('zeppelin?');
    await harness.say('How much did Sora make?');
    expect(harness.events.events.map((e) => e.type)).toEqual(['clarify']);
  });

  it('asking for a person, and 👍 / 👎 with a reason', async () => {
    const harness = new DialogHarness();
    await harness.say('How much did Sora make?');
    await harness.tap('👍 Helpful');
    await harness.say('Which characters could Sora use?');
    await harness.tap('👎 Not helpful');
    await harness.tap('Wrong answer');
    await harness.say('talk to a human');
    expect(harness.events.events).toEqual([
      expect.objectContaining({ type: 'feedback', vote: 'up', topicId: 'sora-revenue', question: 'How much did Sora make?' }),
      expect.objectContaining({ type: 'feedback', vote: 'down', topicId: 'disney-characters', question: 'Which characters could Sora use?' }),
      expect.objectContaining({ type: 'feedback-reason', reason: 'wrong-answer', topicId: 'disney-characters', question: 'Which characters could Sora use?' }),
      expect.objectContaining({ type: 'handoff', topicId: null, question: 'talk to a human' }),
    ]);
  });

  it('confident answers, small talk, tours and empty messages leave nothing to review', async () => {
    const harness = new DialogHarness();
    for (const say of ['hello', 'How much did Sora make?', 'thanks!', 'Tour: The Disney deal', 'Next: the characters', ' ']) await harness.say(say);
    expect(harness.events.events).toEqual([]);
  });

  it('question text is cut to the configured length', async () => {
    const harness = new DialogHarness();
    const long = `bitcoin ${'price '.repeat(150)}`;
    await harness.say(long);
    expect(harness.events.events[0]?.question).toHaveLength(LEARNING_OPTIONS.maxQuestionLength);
  });
});
