import path from 'node:path';
import type { z } from 'zod';
import { cite } from './citations.js';
import { KnowledgeError } from './KnowledgeError.js';
import { loadTours } from './loadTours.js';
import { listYaml, readYaml, type ShowPath } from './readKnowledgeFile.js';
import { tokenize } from './tokenize.js';
import {
  articleFileSchema,
  faqFileSchema,
  handoffFileSchema,
  notCoveredFileSchema,
  smallTalkFileSchema,
  synonymsFileSchema,
  type FaqFile,
} from './knowledgeSchema.js';
import type { Article, Citation, FaqEntry, KnowledgeBase, NotCoveredTopic } from './types.js';

/**
 * Reads and validates every file in the knowledge folder. Any defect throws a KnowledgeError
 * naming file, entry and problem, so a broken edit stops start-up instead of serving wrong answers.
 *
 * Layout: article.yaml, faq/*.yaml, not-covered.yaml, synonyms.yaml, smalltalk.yaml, handoff.yaml, tours.yaml.
 */
export function loadKnowledge(dir: string): KnowledgeBase {
  const rel: ShowPath = (file) => path.relative(process.cwd(), file) || file;
  const ids = new IdRegistry();
  const article = toArticle(readYaml(path.join(dir, 'article.yaml'), articleFileSchema, rel));
  const entries = loadFaq(path.join(dir, 'faq'), article, ids, rel);
  const notCovered = loadNotCovered(path.join(dir, 'not-covered.yaml'), entries, ids, rel);
  checkQuestionsUnique([...entries, ...notCovered]);
  const synonyms = loadSynonyms(path.join(dir, 'synonyms.yaml'), rel);
  const smallTalkFile = path.join(dir, 'smalltalk.yaml');
  const smallTalk = readYaml(smallTalkFile, smallTalkFileSchema, rel);
  const starters = smallTalk.starters.map((starter) => {
    const entry = entries.find((e) => e.id === starter);
    if (!entry) throw new KnowledgeError(rel(smallTalkFile), `starter "${starter}"`, 'is not an FAQ entry');
    return entry;
  });
  const handoff = readYaml(path.join(dir, 'handoff.yaml'), handoffFileSchema, rel);
  const { tours, requests } = loadTours(path.join(dir, 'tours.yaml'), article, entries, rel);
  return {
    tours,
    tourRequests: requests,
    article,
    entries,
    notCovered,
    synonyms,
    smallTalk: smallTalk.intents,
    starters,
    handoffPatterns: handoff.patterns,
    handoffWhole: handoff.whole,
  };
}

/** Ids are unique across the FAQ files and not-covered.yaml: the outcome trace reports them. */
class IdRegistry {
  private readonly fileById = new Map<string, string>();

  claim(id: string, file: string): void {
    const previous = this.fileById.get(id);
    if (previous !== undefined) throw new KnowledgeError(file, `"${id}"`, `duplicate id (first defined in ${previous})`);
    this.fileById.set(id, file);
  }
}

function loadFaq(faqDir: string, article: Article, ids: IdRegistry, rel: ShowPath): FaqEntry[] {
  const entries: FaqEntry[] = [];
  for (const file of listYaml(faqDir, rel)) {
    for (const raw of readYaml(file, faqFileSchema, rel).entries) {
      ids.claim(raw.id, rel(file));
      entries.push(toEntry(raw, rel(file), article));
    }
  }
  const known = new Set(entries.map((e) => e.id));
  for (const entry of entries) {
    for (const relatedId of entry.related) {
      if (!known.has(relatedId)) throw new KnowledgeError(entry.file, `"${entry.id}"`, `related id "${relatedId}" is not an entry`);
      if (relatedId === entry.id) throw new KnowledgeError(entry.file, `"${entry.id}"`, 'an entry cannot be related to itself');
    }
  }
  return entries;
}

function loadNotCovered(file: string, entries: readonly FaqEntry[], ids: IdRegistry, rel: ShowPath): NotCoveredTopic[] {
  return readYaml(file, notCoveredFileSchema, rel).topics.map((topic) => {
    ids.claim(topic.id, rel(file));
    if (topic.see !== undefined && !entries.some((e) => e.id === topic.see)) {
      throw new KnowledgeError(rel(file), `"${topic.id}"`, `see "${topic.see}" is not an FAQ entry`);
    }
    return { ...topic, file: rel(file) };
  });
}

/** Canonical word -> variants; a word or phrase may belong to one group only. */
function loadSynonyms(file: string, rel: ShowPath): Map<string, readonly string[]> {
  const synonyms = new Map<string, readonly string[]>();
  const owner = new Map<string, string>();
  for (const [index, group] of readYaml(file, synonymsFileSchema, rel).groups.entries()) {
    const [canonical, ...variants] = group.map((word) => word.toLowerCase());
    if (canonical === undefined) continue; // the schema guarantees two words; this satisfies the type checker
    const where = `group #${index + 1} ("${canonical}")`;
    if (!/^[a-z0-9]+$/.test(canonical)) throw new KnowledgeError(rel(file), where, 'the first (canonical) word must be one plain word');
    for (const word of [canonical, ...variants]) {
      const first = owner.get(word);
      if (first !== undefined) throw new KnowledgeError(rel(file), where, `"${word}" is already in the group of "${first}"`);
      owner.set(word, canonical);
    }
    synonyms.set(canonical, variants);
  }
  return synonyms;
}

function toArticle(file: z.output<typeof articleFileSchema>): Article {
  return { title: file.title, sections: file.sections };
}

/**
 * The same question (ignoring case and punctuation) in two places makes the answer a coin toss,
 * and twice in one entry is a copy-paste slip.
 */
function checkQuestionsUnique(items: readonly { id: string; file: string; questions: readonly string[] }[]): void {
  const owner = new Map<string, string>();
  for (const item of items) {
    for (const question of item.questions) {
      const key = tokenize(question).join(' ');
      const first = owner.get(key);
      if (first !== undefined) {
        const where = first === item.id ? 'twice in this entry' : `also in entry "${first}"`;
        throw new KnowledgeError(item.file, `"${item.id}"`, `question "${question}" is ${where}`);
      }
      owner.set(key, item.id);
    }
  }
}

function toEntry(raw: FaqFile['entries'][number], file: string, article: Article): FaqEntry {
  const citations: Citation[] = raw.source.map((quote) => cite(quote, article, file, `"${raw.id}"`));
  return {
    id: raw.id,
    title: raw.title,
    questions: raw.questions,
    keywords: raw.keywords,
    answer: raw.answer,
    citations,
    related: raw.related,
    file,
  };
}
