import { describe, it } from 'vitest';
import { DialogHarness, type Row } from './dialogHarness.js';

// Conversation tables: each row is what the user says and what the bot's reply must show.
// Buttons are tapped by sending their label, as Web Chat and Teams do (imBack).

const TOPICS = ['Tour: Why Sora shut down', 'Tour: The Disney deal', 'Tour: Where OpenAI is heading', 'Tour: Copilot help'];
const REASONS = ['Revenue vs cost', 'Deepfakes and copyright', 'The IPO', 'What the experts said', 'Back to topics'];

const sora: readonly Row[] = [
  { say: 'walk me through why Sora closed', reply: ['**Why Sora shut down**', "Here's the short story", '$1.4 million', 'From the article'], buttons: REASONS, outcome: { outcome: 'answer', topicId: 'why-shutdown' } },
  { say: 'Revenue vs cost', reply: ['$1.4 million', '$1.9 billion', 'resource-draining black hole', '> According to Sensor Tower'], buttons: ['Next reason: deepfakes and copyright', 'Back to topics'], outcome: { topicId: 'sora-revenue' } },
  { say: 'Next reason: deepfakes and copyright', reply: ['deepfakes', 'copyright infringement'], buttons: ['Next reason: the IPO'], outcome: { topicId: 'sora-deepfakes' } },
  { say: 'Next reason: the IPO', reply: ['initial public offering (IPO)', 'scale back high-risk projects'], buttons: ['Next reason: what the experts said'], outcome: { topicId: 'openai-ipo' } },
  { say: 'Next reason: what the experts said', reply: ['Henry Ajder', 'Husson', '"resource-draining black hole"', "That's every reason the article gives"], buttons: ['Next: The Disney deal tour', 'Next: Where OpenAI is heading', 'Back to topics'], outcome: { topicId: 'henry-ajder' } },
  { say: 'Next: The Disney deal tour', reply: ['**The Disney deal**', '$1 billion'], buttons: ['Next: the characters'], outcome: { topicId: 'disney-deal' } },
];

const disney: readonly Row[] = [
  { say: 'take me through the Disney deal', reply: ['**The Disney deal**', '$1 billion content partnership'], buttons: ['Next: the characters', 'Back to topics'], outcome: { outcome: 'answer', topicId: 'disney-deal' } },
  { say: 'Next: the characters', reply: ['Mickey Mouse', 'Yoda'], buttons: ['Next: why it mattered'], outcome: { topicId: 'disney-characters' } },
  { say: 'Next: why it mattered', reply: ['turning point', 'Hollywood'], buttons: ['Next: what the creative industries feared'], outcome: { topicId: 'disney-turning-point' } },
  { say: 'Next: what the creative industries feared', reply: ['replace human roles'], buttons: ['Next: how it ended'], outcome: { topicId: 'creative-industry-fears' } },
  { say: 'Next: how it ended', reply: ['terminated', 'no financial transactions', 'Disney stated that it respects'], buttons: ['Next: Why Sora shut down', 'Next: Where OpenAI is heading'], outcome: { topicId: 'disney-deal-ended' } },
  { say: 'Next: Where OpenAI is heading', reply: ['**Where OpenAI is heading**', 'robotics'], buttons: ['Next: robotics'], outcome: { topicId: 'openai-future' } },
];

const openai: readonly Row[] = [
  { say: 'Tour: Where OpenAI is heading', reply: ['**Where OpenAI is heading**', 'far from over'], buttons: ['Next: robotics', 'Back to topics'], outcome: { outcome: 'answer', topicId: 'openai-future' } },
  { say: 'Next: robotics', reply: ['Robotics', 'real-world work'], buttons: ['Next: agentic AI'], outcome: { topicId: 'openai-robotics' } },
  { say: 'Next: agentic AI', reply: ['Agentic AI'], buttons: ["Next: what happens to Sora's technology"], outcome: { topicId: 'openai-agentic-ai' } },
  { say: "Next: what happens to Sora's technology", reply: ['technology used to train Sora'], buttons: ['Next: what is not affected'], outcome: { topicId: 'sora-tech-reuse' } },
  { say: 'Next: what is not affected', reply: ['image creation feature in ChatGPT will not be affected'], buttons: ['Next: the competition'], outcome: { topicId: 'chatgpt-images' } },
  { say: 'Next: the competition', reply: ['Seedance', 'went viral'], buttons: ['Next: Copilot help'], outcome: { topicId: 'seedance-competition' } },
  { say: 'Next: Copilot help', reply: ['**Copilot help**', 'AI-powered assistant'], buttons: ['Next: which apps'], outcome: { topicId: 'copilot-what-is' } },
];

const APPS = ['Word', 'Excel', 'PowerPoint', 'Outlook', 'Teams', 'OneNote'];
const copilot: readonly Row[] = [
  { say: 'tell me about copilot', reply: ['**Copilot help**', 'AI-powered assistant'], buttons: ['Next: which apps', 'Back to topics'], outcome: { outcome: 'answer', topicId: 'copilot-what-is' } },
  { say: 'Next: which apps', reply: ['Word, Excel, PowerPoint, Outlook, Teams, OneNote', 'Pick an app'], buttons: [...APPS, 'Next: does it need the internet?'], outcome: { topicId: 'copilot-apps' } },
  { say: 'Word', reply: ['Word is one of the Microsoft 365 apps', 'summarize report in one paragraph', '> Microsoft Copilot is an AI-powered assistant'], buttons: ['Another app', 'Next: does it need the internet?'], outcome: { outcome: 'answer', topicId: null } },
  { say: 'Another app', reply: ['Pick an app'], buttons: APPS },
  { say: 'OneNote', reply: ["doesn't say what Copilot does in it", '> Copilot currently supports'], buttons: ['Another app'] },
  { say: 'Next: does it need the internet?', reply: ['internet connection is required'], buttons: ['Next: example prompts for writing'], outcome: { topicId: 'copilot-internet' } },
  { say: 'Next: example prompts for writing', reply: ['write formal email response to client'], buttons: ['Next: privacy'], outcome: { topicId: 'copilot-writing' } },
  { say: 'Next: privacy', reply: ['never used to train AI models', "That's the article's whole Copilot FAQ"], buttons: ['Next: Why Sora shut down', 'Back to topics'], outcome: { topicId: 'copilot-privacy' } },
  { say: 'Back to topics', reply: ['Pick a guided tour'], buttons: TOPICS, outcome: { outcome: 'smalltalk' } },
];

describe('guided tours, walked end to end with the buttons', () => {
  it.each([
    ['Why Sora shut down', sora],
    ['The Disney deal', disney],
    ['Where OpenAI is heading', openai],
    ['Copilot help', copilot],
  ])('%s', async (_name, rows) => {
    await new DialogHarness().play(rows);
  });

  it.each([
    ['Revenue vs cost', 'resource-draining black hole'],
    ['Deepfakes and copyright', 'copyright infringement'],
    ['The IPO', 'initial public offering'],
    ['What the experts said', 'Henry Ajder'],
  ])('Why Sora shut down: the reason "%s" can be picked straight from the short story', async (reason, shows) => {
    await new DialogHarness().play([
      { say: 'Tour: Why Sora shut down', reply: ["Here's the short story"], buttons: REASONS },
      { say: reason, reply: [shows] },
    ]);
  });

  it.each(APPS)('Copilot help: the app "%s" shows what the article says Copilot does there', async (app) => {
    await new DialogHarness().play([
      { say: 'Tour: Copilot help', reply: ['AI-powered assistant'] },
      { say: 'Next: which apps', reply: ['Pick an app'], buttons: APPS },
      { say: app, reply: [app, 'From the article'], buttons: ['Another app', 'Next: does it need the internet?', 'Back to topics'] },
    ]);
  });
});

describe('starting a tour in your own words', () => {
  it.each([
    ['walk me through why Sora closed', '**Why Sora shut down**'],
    ['can you give me the full story of the sora shutdown', '**Why Sora shut down**'],
    ['guided tour of the disney deal please', '**The Disney deal**'],
    ['tell me about copilot', '**Copilot help**'],
    ['Tell me about the Disney deal', '**The Disney deal**'],
    ['walk me thru where openai is heading', '**Where OpenAI is heading**'],
    ['Tour: The Disney deal', '**The Disney deal**'],
  ])('"%s" starts %s', async (say, title) => {
    await new DialogHarness().play([{ say, reply: [title, 'guided tour'], outcome: { outcome: 'answer' } }]);
  });

  it.each([
    ["i'd like a walkthrough of the competition part", 'Seedance'],
    ['give me a rundown of the IPO', 'initial public offering'],
  ])('"%s" asks for a walk-through no tour gives, and is answered as a question', async (say, answer) => {
    const [turn] = await new DialogHarness().play([{ say, reply: [answer], outcome: { outcome: 'answer' } }]);
    if (turn?.text.includes('guided tour')) throw new Error(`"${say}" started a tour`);
  });

  it('a walk-through of something the article does not cover is still a plain fallback', async () => {
    await new DialogHarness().play([{ say: 'walk me through bitcoin prices', reply: ["doesn't cover that"], outcome: { outcome: 'fallback' } }]);
  });

  it.each([
    ["Tell me about Sora's revenue", '$1.4 million'],
    ['Which characters could Sora use?', 'Mickey Mouse'],
    ['What is Microsoft Copilot?', 'AI-powered assistant'],
  ])('"%s" is a question, not a tour', async (say, answer) => {
    const [turn] = await new DialogHarness().play([{ say, reply: [answer], outcome: { outcome: 'answer' } }]);
    if (turn?.text.includes('guided tour')) throw new Error(`"${say}" started a tour`);
  });
});

describe('the topics menu', () => {
  it.each(['what can you do?', 'menu', 'show me the topics', 'give me a tour', 'halp'])('"%s" lists the tours and example questions as buttons', async (say) => {
    await new DialogHarness().play([{ say, reply: [/./], buttons: [...TOPICS, 'Why was Sora shut down?', 'What is Microsoft Copilot?'], outcome: { outcome: 'smalltalk' } }]);
  });

  it('a tour button in the menu starts that tour', async () => {
    await new DialogHarness().play([
      { say: 'menu', reply: [/./], buttons: TOPICS },
      { say: 'Tour: Where OpenAI is heading', reply: ['**Where OpenAI is heading**'] },
    ]);
  });
});
