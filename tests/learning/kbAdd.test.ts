import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/answering/loadKnowledge.js';
import { projectRoot } from '../../src/config.js';
import { addQuestion, AddQuestionError } from '../../src/learning/addQuestion.js';
import { runTool } from '../helpers/runTool.js';

/** A copy of the shipped knowledge base to change. */
function copyOfKnowledge(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'kb-add-')), 'knowledge');
  cpSync(path.join(projectRoot(), 'knowledge'), dir, { recursive: true });
  return dir;
}

describe('kb:add: one step from a suggestion to the knowledge files', () => {
  it('appends the question to the entry\'s questions, changing nothing else in the file, and the knowledge still loads', () => {
    const dir = copyOfKnowledge();
    const file = path.join(dir, 'faq', 'disney.yaml');
    const before = readFileSync(file, 'utf8');
    expect(path.resolve(addQuestion(dir, 'disney-no-payment', 'disney money?'))).toBe(file);
    const after = readFileSync(file, 'utf8');
    // the file is the same but for the one new line
    const lines = after.split('\n');
    const at = lines.indexOf('      - disney money?');
    expect(at).toBeGreaterThan(0);
    expect([...lines.slice(0, at), ...lines.slice(at + 1)].join('\n')).toBe(before);
    const entry = loadKnowledge(dir).entries.find((e) => e.id === 'disney-no-payment');
    expect(entry?.questions.at(-1)).toBe('disney money?');
  });

  it('quotes a question that YAML would misread', () => {
    const dir = copyOfKnowledge();
    addQuestion(dir, 'sora-shutdown', 'sora: gone for good?');
    expect(loadKnowledge(dir).entries.find((e) => e.id === 'sora-shutdown')?.questions.at(-1)).toBe('sora: gone for good?');
  });

  it('adds to a questions list written on one line [a, b]', () => {
    const dir = copyOfKnowledge();
    const file = path.join(dir, 'faq', 'overview.yaml');
    const source = readFileSync(file, 'utf8');
    const id = /- id: ([a-z0-9-]+)/.exec(source)?.[1] ?? '';
    // rewrite that entry's questions as a flow list
    const entry = loadKnowledge(dir).entries.find((e) => e.id === id);
    const block = /(\n\s+questions:\n(?:\s+- .*\n)+)/.exec(source.slice(source.indexOf(`- id: ${id}`)))?.[1] ?? '';
    const indent = /\n(\s+)questions:/.exec(block)?.[1] ?? '';
    writeFileSync(file, source.replace(block, `\n${indent}questions: [${(entry?.questions ?? []).map((q) => JSON.stringify(q)).join(', ')}]\n`));
    addQuestion(dir, id, 'a question, with a comma');
    expect(loadKnowledge(dir).entries.find((e) => e.id === id)?.questions.at(-1)).toBe('a question, with a comma');
  });

  it.each([
    ['an unknown entry', 'no-such-entry', 'what is this', 'no FAQ entry "no-such-entry"'],
    ['a question already in another entry', 'disney-deal', 'Has Sora been shut down?', 'is already a question of "sora-shutdown"'],
    ['a question already a known gap', 'copilot-what-is', 'how much does copilot cost', 'is already a question of "copilot-price"'],
    ['an empty question', 'disney-deal', ' ?! ', 'the question is empty'],
  ])('refuses %s and leaves the files as they were', (_name, entryId, question, message) => {
    const dir = copyOfKnowledge();
    const before = readFileSync(path.join(dir, 'faq', 'disney.yaml'), 'utf8');
    expect(() => addQuestion(dir, entryId, question)).toThrow(AddQuestionError);
    expect(() => addQuestion(dir, entryId, question)).toThrow(message);
    expect(readFileSync(path.join(dir, 'faq', 'disney.yaml'), 'utf8')).toBe(before);
  });

  it('npm run kb:add -- <entry> "<question>" says what it did', async () => {
    const dir = copyOfKnowledge();
    const run = await runTool('kbAdd', ['disney-deal-value', 'money from disney', '--knowledge', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Added "money from disney" to entry "disney-deal-value"');
    const refused = await runTool('kbAdd', ['disney-deal-value', 'money from disney', '--knowledge', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is already a question of "disney-deal-value"');
  });
});
