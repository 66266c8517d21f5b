import { describe, expect, it } from 'vitest';
import { cautiousAnswerer, DialogHarness, type Row } from './dialogHarness.js';

describe('follow-ups are resolved against the conversation', () => {
  const tables: readonly (readonly [string, readonly Row[]])[] = [
    [
      'revenue, then "and ChatGPT?"',
      [
        { say: 'How much did Sora make?', reply: ['$1.4 million'], outcome: { outcome: 'answer', topicId: 'sora-revenue' } },
        { say: 'and ChatGPT?', reply: ['$1.9 billion'], outcome: { outcome: 'answer', topicId: 'chatgpt-revenue' } },
      ],
    ],
    [
      'the Disney deal as a question, then its characters and the money',
      [
        { say: 'What was the deal between Disney and OpenAI?', reply: ['$1 billion'] },
        { say: 'which characters?', reply: ['Mickey Mouse', 'Yoda'], outcome: { topicId: 'disney-characters' } },
        { say: 'did they pay anything?', reply: ['no financial transactions'], outcome: { topicId: 'disney-no-payment' } },
      ],
    ],
    [
      'the Disney tour, then questions about it',
      [
        { say: 'Tell me about the Disney deal', reply: ['**The Disney deal**'] },
        { say: 'which characters?', reply: ['Mickey Mouse'] },
        { say: 'did they pay anything?', reply: ['no financial transactions'] },
      ],
    ],
    [
      'Copilot, then internet, safety and apps',
      [
        { say: 'What is Microsoft Copilot?', reply: ['AI-powered assistant'], outcome: { topicId: 'copilot-what-is' } },
        { say: 'does it need internet?', reply: ['internet connection is required'], outcome: { topicId: 'copilot-internet' } },
        { say: 'is it safe?', reply: ['security and privacy'], outcome: { topicId: 'copilot-privacy' } },
        { say: 'which apps?', reply: ['Word', 'Excel'], outcome: { topicId: 'copilot-apps' } },
      ],
    ],
    [
      '"who said that?" after a quote names who said it',
      [
        { say: 'Was Sora called a black hole?', reply: ['resource-draining black hole'] },
        { say: 'who said that?', reply: ['Thomas Husson', 'Forrester'] },
      ],
    ],
    [
      '"why?" after the shutdown gives the reasons; "tell me more" goes on to the next related answer',
      [
        { say: 'Is Sora shutting down?', reply: [/Sora/] },
        { say: 'why?', reply: ['$1.4 million', 'deepfakes'], outcome: { topicId: 'why-shutdown' } },
        { say: 'tell me more', reply: [/./], outcome: { outcome: 'answer' } },
      ],
    ],
    [
      'typed text like an offered button counts as that button',
      [
        { say: 'What is Microsoft Copilot?', reply: ['AI-powered assistant'], buttons: ['Is Copilot safe for personal data?'] },
        { say: 'copilot safe for personal data', reply: ['never used to train AI models'], outcome: { outcome: 'answer', topicId: 'copilot-privacy', score: 1 } },
      ],
    ],
  ];

  it.each(tables)('%s', async (_name, rows) => {
    await new DialogHarness().play(rows);
  });
});

describe('"Did you mean" is asked properly and remembered', () => {
  const cautious = cautiousAnswerer;
  const ASKED: Row = {
    say: 'zeppelin',
    reply: ['Did you mean one of these?'],
    buttons: ['what was the zeppelin alpha', 'what was the zeppelin beta', 'Something else'],
    outcome: { outcome: 'clarify' },
  };

  it('offers both entries and "Something else", and the pick answers the question for the rest of the conversation', async () => {
    await new DialogHarness(cautious).play([
      ASKED,
      { say: 'the second one', reply: ['Answer about zeppelin-beta.'], outcome: { outcome: 'answer', topicId: 'zeppelin-beta' } },
      { say: 'How much did Sora make?', reply: ['$1.4 million'] },
      // asked again later: answered with the earlier choice, no second "Did you mean"
      { say: 'Zeppelin?', reply: ['Answer about zeppelin-beta.'], outcome: { outcome: 'answer', topicId: 'zeppelin-beta' } },
    ]);
  });

  it('a pick by its words works like a tap', async () => {
    await new DialogHarness(cautious).play([ASKED, { say: 'alpha', reply: ['Answer about zeppelin-alpha.'], outcome: { topicId: 'zeppelin-alpha' } }]);
  });

  it('"Something else" hands the question to a person, saying so first', async () => {
    const harness = new DialogHarness(cautious);
    const [, turn] = await harness.play([
      ASKED,
      { say: 'Something else', reply: ["couldn't find it in the article", 'pass your question to a person'], outcome: { outcome: 'handoff' } },
    ]);
    expect(turn?.events).toEqual(['handoff.initiate']);
    expect(harness.handoffs).toEqual([{ reason: 'declined-clarification', question: ASKED.say }]);
  });

  it('"none of these" means the same', async () => {
    const harness = new DialogHarness(cautious);
    await harness.play([ASKED, { say: 'none of these', reply: ['pass your question to a person'], outcome: { outcome: 'handoff' } }]);
    expect(harness.handoffs.map((h) => h.reason)).toEqual(['declined-clarification']);
  });

  it('"Something else" with no "Did you mean" waiting only offers a person', async () => {
    const harness = new DialogHarness(cautious);
    await harness.play([{ say: 'Something else', reply: ["couldn't find it in the article"], buttons: ['Talk to a person'], outcome: { outcome: 'fallback' } }]);
    expect(harness.handoffs).toEqual([]);
  });

  it('a new question instead of a pick is simply answered', async () => {
    await new DialogHarness(cautious).play([ASKED, { say: 'Which characters could Sora use?', reply: ['Mickey Mouse'], outcome: { outcome: 'answer' } }]);
  });
});
