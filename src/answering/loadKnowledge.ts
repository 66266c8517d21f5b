import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { KnowledgeError } from './KnowledgeError.js';
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
 * Layout: article.yaml, faq/*.yaml, not-covered.yaml, synonyms.yaml, smalltalk.yaml, handoff.yaml.
 */
export function loadKnowledge(dir: string): KnowledgeBase {
  const rel = (file: string): string => path.relative(process.cwd(), file) || file;
  const article = toArticle(readYaml(path.join(dir, 'article.yaml'), articleFileSchema, rel));
  const faqDir = path.join(dir, 'faq');
  const faqFiles = listYaml(faqDir, rel);
  const entries: FaqEntry[] = [];
  const seen = new Map<string, string>();
  for (const file of faqFiles) {
    const parsed = readYaml(file, faqFileSchema, rel);
    for (const raw of parsed.entries) {
      const where = rel(file);
      const previous = seen.get(raw.id);
      if (previous !== undefined) {
        throw new KnowledgeError(where, `"${raw.id}"`, `duplicate id (first defined in ${previous})`);
      }
      seen.set(raw.id, where);
      entries.push(toEntry(raw, where, article));
    }
  }
  for (const entry of entries) {
    for (const relatedId of entry.related) {
      if (!seen.has(relatedId)) {
        throw new KnowledgeError(entry.file, `"${entry.id}"`, `related id "${relatedId}" is not an entry`);
      }
      if (relatedId === entry.id) {
        throw new KnowledgeError(entry.file, `"${entry.id}"`, 'an entry cannot be related to itself');
      }
    }
  }
  const notCoveredFile = path.join(dir, 'not-covered.yaml');
  const notCovered: NotCoveredTopic[] = [];
  for (const topic of readYaml(notCoveredFile, notCoveredFileSchema, rel).topics) {
    const where = rel(notCoveredFile);
    const previous = seen.get(topic.id);
    if (previous !== undefined) throw new KnowledgeError(where, `"${topic.id}"`, `duplicate id (first defined in ${previous})`);
    seen.set(topic.id, where);
    if (topic.see !== undefined && !entries.some((e) => e.id === topic.see)) {
      throw new KnowledgeError(where, `"${topic.id}"`, `see "${topic.see}" is not an FAQ entry`);
    }
    notCovered.push({ ...topic, file: where });
  }
  checkQuestionsUnique([...entries, ...notCovered]);
  const synonymsFile = path.join(dir, 'synonyms.yaml');
  const synonyms = new Map<string, readonly string[]>();
  const variantOwner = new Map<string, string>();
  for (const [index, group] of readYaml(synonymsFile, synonymsFileSchema, rel).groups.entries()) {
    const [canonical, ...variants] = group.map((word) => word.toLowerCase());
    if (canonical === undefined) continue; // the schema guarantees two words; this satisfies the type checker
    const where = `group #${index + 1} ("${canonical}")`;
    if (!/^[a-z0-9]+$/.test(canonical)) {
      throw new KnowledgeError(rel(synonymsFile), where, 'the first (canonical) word must be one plain word');
    }
    for (const word of [canonical, ...variants]) {
      const owner = variantOwner.get(word);
      if (owner !== undefined) {
        throw new KnowledgeError(rel(synonymsFile), where, `"${word}" is already in the group of "${owner}"`);
      }
      variantOwner.set(word, canonical);
    }
    synonyms.set(canonical, variants);
  }
  const smallTalkFile = path.join(dir, 'smalltalk.yaml');
  const smallTalkData = readYaml(smallTalkFile, smallTalkFileSchema, rel);
  const smallTalk = smallTalkData.intents;
  const starters = smallTalkData.starters.map((starter) => {
    const entry = entries.find((e) => e.id === starter);
    if (!entry) throw new KnowledgeError(rel(smallTalkFile), `starter "${starter}"`, 'is not an FAQ entry');
    return entry;
  });
  const handoffPatterns = readYaml(path.join(dir, 'handoff.yaml'), handoffFileSchema, rel).patterns;
  return { article, entries, notCovered, synonyms, smallTalk, starters, handoffPatterns };
}

function listYaml(dir: string, rel: (file: string) => string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new KnowledgeError(rel(dir), '-', 'folder is missing');
  }
  const files = names.filter((name) => /\.ya?ml$/.test(name)).sort();
  if (files.length === 0) throw new KnowledgeError(rel(dir), '-', 'holds no .yaml files');
  return files.map((name) => path.join(dir, name));
}

function readYaml<S extends z.ZodType>(file: string, schema: S, rel: (file: string) => string): z.output<S> {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new KnowledgeError(rel(file), '-', 'file is missing or unreadable');
  }
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new KnowledgeError(rel(file), '-', `not valid YAML: ${reason}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined ? '-' : describeEntry(data, issue.path);
    const field = issue?.path.filter((part) => typeof part === 'string').slice(1).join('.') ?? '';
    throw new KnowledgeError(rel(file), where, `${field ? `${field} ` : ''}${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** Names an entry by its id when it has one, else by its 1-based position in the file. */
function describeEntry(data: unknown, issuePath: readonly PropertyKey[]): string {
  const [listName, index] = issuePath;
  if (typeof listName !== 'string' || typeof index !== 'number') return '-';
  const list = (data as Record<string, unknown> | null)?.[listName];
  const item = Array.isArray(list) ? (list[index] as unknown) : undefined;
  const itemId = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof itemId === 'string' ? `"${itemId}"` : `#${index + 1} of ${listName}`;
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
  const citations: Citation[] = raw.source.map((quote) => {
    const section = article.sections.find((s) => s.paragraphs.some((p) => p.includes(quote)));
    if (section === undefined) {
      throw new KnowledgeError(file, `"${raw.id}"`, `cited sentence is not in the article word for word: "${quote}"`);
    }
    return { quote, sectionId: section.id, sectionHeading: section.heading };
  });
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
