import { ConversationState, MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answering/Answerer.js';
import type { Tour, TourStep } from '../../src/answering/types.js';
import { answerer, DialogHarness, knowledge, type Row } from './dialogHarness.js';

const TOPICS = ['Tour: Why Sora shut down', 'Tour: The Disney deal', 'Tour: Where OpenAI is heading', 'Tour: Copilot help'];

/** The button taps that lead from a tour's start to each of its steps (breadth first: the shortest). */
function pathsTo(tour: Tour): Map<string, string[]> {
  const paths = new Map<string, string[]>([[tour.start, []]]);
  const queue = [tour.start];
  while (queue.length > 0) {
    const id = queue.shift() ?? '';
    const step = tour.steps.find((s) => s.id === id);
    for (const choice of step?.choices ?? []) {
      if (choice.goto.startsWith('tour:') || paths.has(choice.goto)) continue;
      paths.set(choice.goto, [...(paths.get(id) ?? []), choice.label]);
      queue.push(choice.goto);
    }
  }
  return paths;
}

const stops = knowledge.tours.flatMap((tour) => {
  const paths = pathsTo(tour);
  return tour.steps.map((step, index) => ({ tour, step, index, taps: paths.get(step.id) ?? [] }));
});

// Different wordings at different steps: the interruptions are recognised fuzzily, not as exact strings.
const HELP = ['help', 'I need help', 'hlep', 'help me please', 'what can I do here?'];
const STOP = ['stop', 'cancel', 'quit the tour', 'stop the tour pls', 'never mind', 'enough'];
const RESTART = ['start over', 'restart', 'strat over', 'start again please', 'from the beginning'];
const MENU = ['menu', 'back to topics', 'main menu', 'show me the topics', 'options'];
const pick = (list: readonly string[], index: number): string => list[index % list.length] ?? '';

/** Taps from the tour's button to this step. */
async function reach(tour: Tour, taps: readonly string[]): Promise<DialogHarness> {
  const harness = new DialogHarness();
  await harness.play([{ say: `Tour: ${tour.title}`, reply: [`**${tour.title}**`] }, ...taps.map((say): Row => ({ say, reply: [/./] }))]);
  return harness;
}

function stepButtons(step: TourStep): string[] {
  return [...step.choices.map((c) => c.label), 'Back to topics'];
}

describe('every step reaches every interruption', () => {
  it('every step of every tour can be reached with the buttons', () => {
    for (const { tour, step, taps } of stops) {
      expect(taps.length > 0 || step.id === tour.start, `${tour.id}/${step.id} is unreachable`).toBe(true);
    }
  });

  it.each(stops.map((s) => [`${s.tour.id}/${s.step.id}`, s] as const))('%s: help explains where you are, and the tour goes on', async (_name, { tour, step, index, taps }) => {
    const harness = await reach(tour, taps);
    const position = tour.steps.indexOf(step) + 1;
    await harness.play([
      {
        say: pick(HELP, index),
        reply: [`You're on the guided tour "${tour.title}" (step ${position} of ${tour.steps.length}: ${step.title})`],
        buttons: stepButtons(step),
        outcome: { outcome: 'smalltalk', topicId: 'help' },
      },
    ]);
    // the tour is still there: its first button still works
    const next = step.choices[0];
    if (next && !next.goto.startsWith('tour:')) {
      const target = tour.steps.find((s) => s.id === next.goto);
      await harness.play([{ say: next.label, reply: [target?.entries[0]?.answer.slice(0, 40) ?? target?.say?.slice(0, 40) ?? ''] }]);
    }
  });

  it.each(stops.map((s) => [`${s.tour.id}/${s.step.id}`, s] as const))('%s: stop leaves the tour for the topics', async (_name, { tour, index, taps }) => {
    const harness = await reach(tour, taps);
    await harness.play([
      { say: pick(STOP, index), reply: ["I've stopped the tour"], buttons: TOPICS, outcome: { outcome: 'smalltalk', topicId: 'cancel' } },
      // no tour any more: help is the general help, not the tour's
      { say: 'help', reply: ['I answer questions about the article'], notButtons: ['Continue the tour'] },
    ]);
  });

  it.each(stops.map((s) => [`${s.tour.id}/${s.step.id}`, s] as const))('%s: start over goes back to the first step', async (_name, { tour, index, taps }) => {
    const harness = await reach(tour, taps);
    const first = tour.steps.find((s) => s.id === tour.start);
    if (!first) throw new Error('no start step');
    await harness.play([
      {
        say: pick(RESTART, index),
        reply: [`Starting "${tour.title}" again from the top`, first.entries[0]?.answer.slice(0, 40) ?? ''],
        buttons: stepButtons(first),
        outcome: { outcome: 'smalltalk', topicId: 'restart' },
      },
    ]);
  });

  it.each(stops.map((s) => [`${s.tour.id}/${s.step.id}`, s] as const))('%s: menu shows the topics', async (_name, { tour, index, taps }) => {
    const harness = await reach(tour, taps);
    await harness.play([
      { say: pick(MENU, index), reply: ['Pick a guided tour'], buttons: TOPICS, outcome: { outcome: 'smalltalk' } },
      { say: 'help', reply: ['I answer questions about the article'] },
    ]);
  });

  it.each(stops.map((s) => [`${s.tour.id}/${s.step.id}`, s] as const))('%s: a question gets its answer, then the tour continues where it was', async (_name, { tour, step, taps }) => {
    const harness = await reach(tour, taps);
    await harness.play([
      {
        say: 'how much money did ChatGPT make?',
        reply: ['$1.9 billion', `The tour "${tour.title}" is paused`],
        buttons: ['Continue the tour'],
        outcome: { outcome: 'answer', topicId: 'chatgpt-revenue' },
      },
      { say: 'Continue the tour', reply: [`Back to the tour "${tour.title}", where we were: ${step.title}`], buttons: stepButtons(step) },
    ]);
  });
});

describe('a paused tour', () => {
  it('keeps waiting through several questions, and "yes" picks it up', async () => {
    await new DialogHarness().play([
      { say: 'walk me through the disney deal', reply: ['$1 billion'] },
      { say: 'Next: the characters', reply: ['Mickey Mouse'] },
      { say: 'who is Seedance?', reply: ['Seedance', 'is paused'], buttons: ['Continue the tour'] },
      { say: 'what did Disney say about it?', reply: ['respects', 'is paused'], buttons: ['Continue the tour'] },
      { say: 'yes', reply: ['where we were: The characters', 'Mickey Mouse'], buttons: ['Next: why it mattered'] },
      { say: 'which characters could Sora use?', reply: ['Mickey Mouse', 'is paused'] },
      { say: "Let's continue!", reply: ['where we were: The characters'] },
      { say: 'next', reply: ['turning point'] },
    ]);
  });

  it('asking for another tour switches to it; asking for the same one shows where you were', async () => {
    await new DialogHarness().play([
      { say: 'Tour: Copilot help', reply: ['AI-powered assistant'] },
      { say: 'Next: which apps', reply: ['Pick an app'] },
      { say: 'tell me about copilot', reply: ["We're already on the tour \"Copilot help\"", 'Pick an app'] },
      { say: 'walk me through the Disney deal', reply: ['**The Disney deal**'] },
      { say: 'help', reply: ['"The Disney deal" (step 1 of 5'] },
    ]);
  });

  it('a request for a person mid-tour hands off and ends the tour', async () => {
    const harness = new DialogHarness();
    await harness.play([{ say: 'Tour: The Disney deal', reply: ['$1 billion'] }]);
    const turn = await harness.say('can I talk to a real person?');
    expect(turn.events).toEqual(['handoff.initiate']);
    expect(turn.outcome).toMatchObject({ outcome: 'handoff' });
    await harness.play([{ say: 'help', reply: ['I answer questions about the article'] }]);
  });
});

describe('a conversation saved before the tours changed', () => {
  it('whose tour no longer exists is answered afresh instead of failing every turn', async () => {
    const storage = new MemoryStorage();
    const before = new DialogHarness(answerer, new ConversationState(storage));
    await before.play([{ say: 'Tour: The Disney deal', reply: ['**The Disney deal**'] }]);
    // the next release renamed the tour: the same conversation, a knowledge base without it
    const renamed = { ...knowledge, tours: knowledge.tours.map((t) => (t.id === 'disney-deal' ? { ...t, id: 'disney-partnership' } : t)) };
    const after = new DialogHarness(new Answerer(renamed), new ConversationState(storage));
    await after.play([
      { say: 'which characters could Sora use?', reply: ['Mickey Mouse'], notButtons: ['Continue the tour'], outcome: { outcome: 'answer' } },
      { say: 'help', reply: ['I answer questions about the article'] },
    ]);
  });
});
