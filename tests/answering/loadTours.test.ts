import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/answering/KnowledgeError.js';
import { loadKnowledge } from '../../src/answering/loadKnowledge.js';
import { projectRoot } from '../../src/config.js';

const shipped = path.join(projectRoot(), 'knowledge');
const temps: string[] = [];

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The error loading the shipped knowledge with tours.yaml changed by `edit`. */
function toursError(edit: (text: string) => string): KnowledgeError {
  const dir = mkdtempSync(path.join(tmpdir(), 'tours-'));
  temps.push(dir);
  cpSync(shipped, dir, { recursive: true });
  const file = path.join(dir, 'tours.yaml');
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  // a test whose edit changed nothing would pass for the wrong reason
  expect(after).not.toBe(before);
  writeFileSync(file, after);
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) {
      expect(error.file).toMatch(/tours\.yaml$/);
      return error;
    }
    throw error;
  }
  throw new Error('expected loadKnowledge to throw');
}

describe('the shipped tours', () => {
  it('are the four the product promises, each with several steps', () => {
    const { tours } = loadKnowledge(shipped);
    expect(tours.map((t) => t.title)).toEqual(['Why Sora shut down', 'The Disney deal', 'Where OpenAI is heading', 'Copilot help']);
    for (const tour of tours) expect(tour.steps.length).toBeGreaterThanOrEqual(5);
  });
});

describe('a broken tours.yaml stops start-up with the tour, the step and the problem', () => {
  it('a button that leads nowhere', () => {
    const error = toursError((t) => t.replace('goto: misuse }', 'goto: misused }'));
    expect(error.entry).toBe('tour "why-sora-closed", step "story"');
    expect(error.problem).toBe('button "Deepfakes and copyright" goes to unknown "misused"');
  });

  it('a button to a tour that does not exist', () => {
    const error = toursError((t) => t.replace('goto: "tour:disney-deal"', 'goto: "tour:marvel-deal"'));
    expect(error.problem).toMatch(/goes to unknown "tour:marvel-deal"/);
  });

  it('a step showing an entry that does not exist', () => {
    const error = toursError((t) => t.replace('entries: [openai-robotics]', 'entries: [openai-robots]'));
    expect(error.entry).toBe('tour "openai-direction", step "robotics"');
    expect(error.problem).toBe('entry "openai-robots" is not an FAQ entry');
  });

  it('a quote that is not in the article word for word', () => {
    const error = toursError((t) => t.replace('Thomas Husson, an analyst from Forrester, even called', 'Thomas Husson, a Forrester analyst, even called'));
    expect(error.entry).toBe('tour "why-sora-closed", step "experts"');
    expect(error.problem).toMatch(/not in the article word for word/);
  });

  it('own text with no source behind it', () => {
    const error = toursError((t) => t.replace(/( {6}- id: excel\n(?:.*\n)*?) {8}source:\n {10}- .*\n/, '$1'));
    expect(error.entry).toBe('tour "copilot-help", step "excel"');
    expect(error.problem).toBe('`say` needs at least one source sentence');
  });

  it('a start step that is not in the tour', () => {
    const error = toursError((t) => t.replace('start: agreed', 'start: agreement'));
    expect(error.entry).toBe('tour "disney-deal"');
    expect(error.problem).toBe('start step "agreement" is not a step of the tour');
  });

  it('two steps with one id', () => {
    const error = toursError((t) => t.replace('- id: fears\n', '- id: mattered\n'));
    expect(error.problem).toBe('duplicate step id');
  });
});
