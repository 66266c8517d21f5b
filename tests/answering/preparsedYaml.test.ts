import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/answering/KnowledgeError.js';
import { loadKnowledge } from '../../src/answering/loadKnowledge.js';
import { usePreparsedYaml, writePreparsedYaml } from '../../src/answering/preparsedYaml.js';
import { projectRoot } from '../../src/config.js';

const shipped = path.join(projectRoot(), 'knowledge');
const temp = mkdtempSync(path.join(tmpdir(), 'preparsed-'));
const cacheFile = path.join(temp, 'knowledge.parsed.json');

afterAll(() => {
  usePreparsedYaml(path.join(temp, 'none.json')); // back to parsing everything, for other tests in this worker
  rmSync(temp, { recursive: true, force: true });
});

/** A copy of the shipped knowledge folder with one file changed by `edit`. */
function knowledgeWith(file: string, edit: (text: string) => string): string {
  const dir = path.join(temp, `kb-${String(Math.random()).slice(2)}`);
  cpSync(shipped, dir, { recursive: true });
  writeFileSync(path.join(dir, file), edit(readFileSync(path.join(dir, file), 'utf8')));
  return dir;
}

describe('knowledge files parsed at build time', () => {
  const plain = loadKnowledge(shipped);
  const written = writePreparsedYaml(shipped, cacheFile);
  usePreparsedYaml(cacheFile);

  it('holds every shipped file and loads into exactly the same knowledge base', () => {
    expect(written).toBeGreaterThanOrEqual(12);
    expect(loadKnowledge(shipped)).toEqual(plain);
  });

  it('does not stand in for a file edited since: the edit is read, and a broken one still stops loading', () => {
    const renamed = knowledgeWith('faq/sora.yaml', (text) => text.replace('title:', 'title: Edited'));
    expect(loadKnowledge(renamed).entries.some((e) => e.title.startsWith('Edited'))).toBe(true);
    const broken = knowledgeWith('faq/sora.yaml', (text) => text.replace('questions:', 'questionz:'));
    expect(() => loadKnowledge(broken)).toThrow(KnowledgeError);
  });

  it('is ignored when the file is missing', () => {
    usePreparsedYaml(path.join(temp, 'missing.json'));
    expect(loadKnowledge(shipped)).toEqual(plain);
    usePreparsedYaml(cacheFile);
  });
});
