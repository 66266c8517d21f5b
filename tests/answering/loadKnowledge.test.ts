import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/answering/KnowledgeError.js';
import { loadKnowledge } from '../../src/answering/loadKnowledge.js';
import { projectRoot } from '../../src/config.js';

const shipped = path.join(projectRoot(), 'knowledge');
const temps: string[] = [];

/** A copy of the shipped knowledge folder with one file changed by `edit`. */
function knowledgeWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'knowledge-'));
  temps.push(dir);
  cpSync(shipped, dir, { recursive: true });
  const target = path.join(dir, file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  return dir;
}

function loadError(dir: string): KnowledgeError {
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error('expected loadKnowledge to throw');
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the shipped knowledge base', () => {
  const kb = loadKnowledge(shipped);

  it('loads, with entries from every FAQ file and a section for every cited sentence', () => {
    expect(kb.entries.length).toBeGreaterThanOrEqual(40);
    expect(new Set(kb.entries.map((e) => e.file)).size).toBeGreaterThanOrEqual(5);
    for (const entry of kb.entries) {
      expect(entry.citations.length).toBeGreaterThan(0);
      for (const citation of entry.citations) {
        expect(kb.article.sections.some((s) => s.id === citation.sectionId)).toBe(true);
      }
    }
  });

  it('keeps the article word for word: the sections hold every line of the source text', () => {
    const paragraphs = kb.article.sections.flatMap((s) => s.paragraphs);
    for (const must of [
      'According to Sensor Tower, Sora generated only $1.4 million in in-app revenue, while ChatGPT earned a staggering $1.9 billion.',
      'Yes, Copilot is designed with security and privacy in mind. User data is never used to train AI models, and access rights are strictly controlled.',
    ]) {
      expect(paragraphs).toContain(must);
    }
  });

  it('has several alternate questions for every entry and every related id resolves', () => {
    const ids = new Set(kb.entries.map((e) => e.id));
    for (const entry of kb.entries) {
      expect(entry.questions.length, entry.id).toBeGreaterThanOrEqual(8);
      for (const related of entry.related) expect(ids.has(related), `${entry.id} -> ${related}`).toBe(true);
    }
  });

  it('covers the facts the product promises, each by some entry', () => {
    const answers = kb.entries.map((e) => e.answer).join('\n');
    for (const fact of ['$1.4 million', '$1.9 billion', 'black hole', 'deepfake', 'IPO', 'Henry Ajder', 'Mickey Mouse', 'Yoda', 'turning point', 'Reuters', 'robotics', 'agentic', 'Seedance', 'internet connection', 'SeedKM', 'Jarviz', 'OPTIMISTIC', 'Veracity', 'CloudAccount']) {
      expect(answers.toLowerCase(), fact).toContain(fact.toLowerCase());
    }
  });
});

describe('a broken knowledge file stops start-up with file, entry and problem', () => {
  it('names a duplicate id and where it was first defined', () => {
    // files load in name order, so disney.yaml defines the id first and sora.yaml is blamed
    const dir = knowledgeWith('faq/disney.yaml', (t) => t.replace('- id: disney-deal\n', '- id: sora-revenue\n'));
    const error = loadError(dir);
    expect(error.file).toBe(path.relative(process.cwd(), path.join(dir, 'faq/sora.yaml')));
    expect(error.entry).toBe('"sora-revenue"');
    expect(error.problem).toMatch(/duplicate id \(first defined in .*disney\.yaml\)/);
  });

  it('names an empty question', () => {
    const dir = knowledgeWith('faq/sora.yaml', (t) => t.replace('      - What was Sora?\n', '      - ""\n'));
    const error = loadError(dir);
    expect(error.entry).toBe('"sora-what-is"');
    expect(error.problem).toMatch(/questions.*must not be empty/);
  });

  it('names a cited sentence that is not in the article word for word', () => {
    const dir = knowledgeWith('faq/sora.yaml', (t) => {
      const start = t.indexOf('- id: sora-revenue');
      return t.slice(0, start) + t.slice(start).replace('- "According to Sensor Tower, Sora generated only', '- "According to Sensor Tower, Sora generated just');
    });
    const error = loadError(dir);
    expect(error.entry).toBe('"sora-revenue"');
    expect(error.problem).toContain('not in the article word for word');
    expect(error.message).toContain('Sora generated just $1.4 million');
  });

  it('names a related id that does not exist', () => {
    const dir = knowledgeWith('faq/copilot.yaml', (t) => t.replace(/related: \[/, 'related: [no-such-entry, '));
    expect(loadError(dir).problem).toBe('related id "no-such-entry" is not an entry');
  });

  it('reports YAML syntax errors with the file', () => {
    const dir = knowledgeWith('synonyms.yaml', (t) => `${t}\n  - [unclosed, list\n`);
    const error = loadError(dir);
    expect(error.file).toMatch(/synonyms\.yaml$/);
    expect(error.problem).toMatch(/not valid YAML/);
  });

  it('reports a misspelt field instead of ignoring it', () => {
    const dir = knowledgeWith('faq/openai.yaml', (t) => t.replace('    questions:\n', '    question:\n'));
    const error = loadError(dir);
    expect(error.message).toMatch(/faq\/openai\.yaml, entry "openai-future"/);
  });

  it('reports a synonym listed in two groups', () => {
    const dir = knowledgeWith('synonyms.yaml', (t) => t.replace('  - [two, "2"]', '  - [two, "2", money]'));
    expect(loadError(dir).problem).toBe('"money" is already in the group of "revenue"');
  });

  it('reports a not-covered topic pointing at an unknown entry', () => {
    const dir = knowledgeWith('not-covered.yaml', (t) => t.replace('see: sora-what-is', 'see: nowhere'));
    const error = loadError(dir);
    expect(error.entry).toBe('"sora-price"');
    expect(error.problem).toContain('"nowhere"');
  });
});

describe('duplicate questions', () => {
  it('stops start-up when two entries share a question', () => {
    const dir = knowledgeWith('faq/copilot.yaml', (t) => t.replace('      - What is Microsoft Copilot?\n', '      - What is Microsoft Copilot?\n      - How much revenue did Sora generate?\n'));
    const error = loadError(dir);
    // copilot.yaml loads before sora.yaml, so the entry in sora.yaml is the one blamed
    expect(error.entry).toBe('"sora-revenue"');
    expect(error.problem).toBe('question "How much revenue did Sora generate?" is also in entry "copilot-what-is"');
  });
});
