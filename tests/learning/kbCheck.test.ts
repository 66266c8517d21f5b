import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { checkKnowledge } from '../../src/learning/checkKnowledge.js';
import { runTool } from '../helpers/runTool.js';

const root = projectRoot();
const fixture = (name: string): string => path.join('tests', 'fixtures', 'kb-check', name);
const museum = (name: string): string => path.join(fixture(name), 'faq', 'museum.yaml');

describe('kb:check on the shipped knowledge base', () => {
  it('finds no error, and warns only about the two similar question pairs measured when the thresholds were set', () => {
    const { findings, stats } = checkKnowledge(path.join(root, 'knowledge'));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.length).toBeLessThanOrEqual(2);
    expect(stats.entries).toBeGreaterThan(40);
    expect(stats.sentences).toBeGreaterThan(50);
  });

  it('npm run kb:check exits 0 with a short summary', async () => {
    const run = await runTool('kbCheck', []);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/kb:check: \d+ entries, \d+ questions, \d+ article sentences \(8 need no entry\): 0 errors, \d+ warnings?\n$/);
  });
});

describe('kb:check on fixtures with one defect each', () => {
  it('passes the clean fixture', () => {
    expect(checkKnowledge(fixture('clean')).findings).toEqual([]);
  });

  it.each([
    ['duplicate-question', museum('duplicate-question'), '"ticket-price"', 'duplicate question: "when did the zeppelin museum open" is also in entry "museum-opening"'],
    ['near-duplicate', museum('near-duplicate'), '"ticket-price"', 'near-duplicate question: "the zeppelin museum opened when" and "When did the Zeppelin Museum open?" in entry "museum-opening"'],
    ['too-few-questions', museum('too-few-questions'), '"museum-topic"', 'too few alternate questions: 2, at least 3'],
    ['cited-sentence-not-in-article', museum('cited-sentence-not-in-article'), '"museum-topic"', 'cited sentence is not in the article word for word: "It shows the history of zeppelins."'],
    ['uncovered-sentence', path.join(fixture('uncovered-sentence'), 'article.yaml'), 'section "intro"', 'no entry or tour step quotes this sentence: "The museum is closed on Mondays."'],
    ['invalid-yaml', museum('invalid-yaml'), '-', 'not valid YAML'],
    ['start-up-defect', museum('start-up-defect'), '"museum-opening"', 'related id "museum-topics" is not an entry'],
  ])('%s: exactly one error, naming file, entry and problem', (name, file, entry, problem) => {
    const { findings } = checkKnowledge(fixture(name));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', file, entry });
    expect(findings[0]?.problem).toContain(problem);
  });

  it('npm run kb:check exits 1 with one line per defect', async () => {
    const run = await runTool('kbCheck', ['--knowledge', fixture('near-duplicate')]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^error {3}tests\/fixtures\/kb-check\/near-duplicate\/faq\/museum\.yaml, entry "ticket-price": near-duplicate question/);
    expect(lines[1]).toContain('1 error, 0 warnings');
  });

  it('an allow-list line that no longer matches the article is a warning, not an error', () => {
    const { findings } = checkKnowledge(fixture('stale-allow-list'));
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', problem: 'listed sentence is not in the article: "This sentence was removed."' })]);
  });
});
