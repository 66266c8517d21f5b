import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Answerer, SOMETHING_ELSE } from '../../src/answering/Answerer.js';
import { loadKnowledge } from '../../src/answering/loadKnowledge.js';
import { DECISION_OPTIONS } from '../../src/answering/options.js';
import type { ConversationMemory, FaqEntry, KnowledgeBase, Outcome } from '../../src/answering/types.js';
import { projectRoot } from '../../src/config.js';

const knowledge = loadKnowledge(path.join(projectRoot(), 'knowledge'));
const answerer = new Answerer(knowledge);

function outcome(text: string, memory: ConversationMemory = {}): Outcome {
  return answerer.respond(text, memory).outcome;
}

function answeredId(text: string, memory: ConversationMemory = {}): string {
  const result = outcome(text, memory);
  if (result.kind !== 'answer') throw new Error(`"${text}" gave ${result.kind}, not an answer`);
  return result.entry.id;
}

describe('answers questions in plain words, with typos', () => {
  it.each([
    ['why did openai pull the plug on sora?', 'why-shutdown'],
    ['how much did sora bring in', 'sora-revenue'],
    ['which characters could sora use from disney', 'disney-characters'],
    ['copilot internat conection', 'copilot-internet'],
    ['wat did the forrester analist say', 'husson-black-hole'],
    ['will chatgpt still make images', 'chatgpt-images'],
  ])('%s -> %s', (text, id) => {
    expect(answeredId(text)).toBe(id);
  });

  it('gives a confidence in 0..1 and the related entries of the answer', () => {
    const result = outcome('How much revenue did Sora generate?');
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.score).toBeGreaterThan(0.5);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.related.map((e) => e.id)).toEqual(result.entry.related.slice(0, 3));
  });
});

describe('says so when the article does not cover a question', () => {
  it.each(['What is the capital of France?', 'How do I bake bread?', 'zxcvbnm asdf', 'What is 7 times 8?'])('%s -> fallback', (text) => {
    const result = outcome(text);
    expect(result.kind).toBe('fallback');
    if (result.kind === 'fallback') expect(result.suggestions.length).toBeGreaterThan(0);
  });

  it('names the gap when the question is a known one the article leaves open', () => {
    const result = outcome('how much does copilot cost per month');
    expect(result.kind).toBe('fallback');
    if (result.kind !== 'fallback') return;
    expect(result.reason).toBe('not-covered');
    expect(result.notCovered?.id).toBe('copilot-price');
    expect(result.suggestions[0]?.id).toBe('copilot-what-is');
  });

  it('treats empty, whitespace-only and over-long messages as fallbacks with their own reason', () => {
    expect(outcome('   ')).toMatchObject({ kind: 'fallback', reason: 'empty' });
    expect(outcome('why '.repeat(400))).toMatchObject({ kind: 'fallback', reason: 'too-long' });
  });

  it('takes "Something else" after a clarification as a decline', () => {
    expect(outcome(SOMETHING_ELSE)).toMatchObject({ kind: 'fallback', reason: 'declined' });
  });
});

describe('small talk and handoff', () => {
  it.each([
    ['hello there', 'greeting'],
    ['thanks a lot!', 'thanks'],
    ['what can you do?', 'help'],
    ['bye', 'goodbye'],
  ])('%s -> small talk %s', (text, intent) => {
    expect(outcome(text)).toMatchObject({ kind: 'smalltalk', intent: { id: intent } });
  });

  it('answers a question that merely starts with a greeting', () => {
    expect(answeredId('hi, why did sora shut down?')).toBe('why-shutdown');
  });

  it.each(['can I talk to a real person', 'connect me with customer service please', 'I want to speak to a human agent'])('%s -> handoff', (text) => {
    expect(outcome(text).kind).toBe('handoff');
  });

  it('does not mistake a question about humans for a handoff', () => {
    expect(outcome('will AI replace humans in entertainment?').kind).toBe('answer');
  });
});

describe('follow-ups lean on the previous answer', () => {
  function after(first: string, second: string): string {
    const { memory } = answerer.respond(first);
    return answeredId(second, memory);
  }

  it.each([
    ['How much did Sora make?', 'and what about ChatGPT?', 'chatgpt-revenue'],
    ['What is Microsoft Copilot?', 'which apps does it work with?', 'copilot-apps'],
    ['What is Microsoft Copilot?', 'does it need wifi?', 'copilot-internet'],
    ['Tell me about the Disney deal', 'did they pay anything?', 'disney-no-payment'],
  ])('%s / %s -> %s', (first, second, id) => {
    expect(after(first, second)).toBe(id);
  });

  it('answers "tell me more" with the first related entry of the last answer', () => {
    const { outcome: first, memory } = answerer.respond('How much did Sora make?');
    if (first.kind !== 'answer') throw new Error('expected an answer');
    expect(answeredId('tell me more', memory)).toBe(first.entry.related[0]);
  });

  it('remembers the last topic only after an answer', () => {
    expect(answerer.respond('What is Copilot?').memory.lastTopicId).toBe('copilot-what-is');
    expect(answerer.respond('how do I bake bread', { lastTopicId: 'x' }).memory.lastTopicId).toBe('x');
  });
});

describe('clarifies when two entries are equally good', () => {
  // Two entries that share their only question word: neither is a better answer than the other.
  const entry = (id: string, question: string): FaqEntry => ({
    id,
    title: id,
    questions: [question],
    keywords: [],
    answer: `Answer ${id}.`,
    citations: [{ quote: 'q', sectionId: 's', sectionHeading: 'S' }],
    related: [],
    file: 'test.yaml',
  });
  const twins: KnowledgeBase = {
    ...knowledge,
    entries: [entry('zeppelin-alpha', 'what was the zeppelin alpha'), entry('zeppelin-beta', 'what was the zeppelin beta'), ...knowledge.entries],
    notCovered: [],
  };

  it('offers both as options when neither is a confident answer', () => {
    const cautious = { ...DECISION_OPTIONS, confidentScore: 1 };
    const result = new Answerer(twins, cautious).respond('zeppelin').outcome;
    expect(result.kind).toBe('clarify');
    if (result.kind === 'clarify') expect(result.options.map((o) => o.entry.id).sort()).toEqual(['zeppelin-alpha', 'zeppelin-beta']);
  });

  it('answers the clearly better one', () => {
    expect(new Answerer(twins).respond('zeppelin alpha').outcome).toMatchObject({ kind: 'answer', entry: { id: 'zeppelin-alpha' } });
  });
});

describe('chat typing and social messages', () => {
  it.each([
    ['heyyy', 'smalltalk'],
    ['nice, cheers mate', 'smalltalk'],
    ['Thank u so much, very usefull information for me', 'smalltalk'],
    ['What kinds of questions can I ask you?', 'smalltalk'],
    ['this bot isnt helping, get me an actual employee', 'handoff'],
    ['agent', 'handoff'],
    ['can a person call me back?', 'handoff'],
    ['y did sora get shut donw', 'answer'],
    ['what are ai agents', 'answer'],
    ['who called Sora a black hole?', 'answer'],
    ['How can I use Copilot to write an email?', 'answer'],
    ['did any money actually change hands between disney and openai', 'answer'],
    ['tell me more', 'fallback'],
  ])('%s -> %s', (text, kind) => {
    expect(outcome(text).kind).toBe(kind);
  });

  it('does not let a known gap of the article borrow the previous topic', () => {
    const { memory } = answerer.respond('what products does the publisher offer');
    expect(answeredId('what is seedkm', memory)).toBe('seedkm');
  });
});
