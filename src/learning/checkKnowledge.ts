import path from 'node:path';
import { KnowledgeError } from '../answering/KnowledgeError.js';
import { loadKnowledge } from '../answering/loadKnowledge.js';
import type { ShowPath } from '../answering/readKnowledgeFile.js';
import { articleSentences, covers } from './articleSentences.js';
import { KB_CHECK_OPTIONS } from './options.js';
import { exactKey, QuestionKeys, similarity } from './questionKey.js';
import { readForCheck, type KnowledgeFiles, type QuestionOwner } from './readForCheck.js';

export interface Finding {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  /** The entry (by id), tour step or article section concerned, or "-". */
  readonly entry: string;
  readonly problem: string;
}

export interface CheckResult {
  readonly findings: readonly Finding[];
  readonly stats: { readonly entries: number; readonly questions: number; readonly sentences: number; readonly allowed: number };
}

/**
 * Lints a knowledge folder for what makes answers wrong or missing, reporting every defect found
 * rather than stopping at the first as start-up does:
 * - the same question in two entries (after the loader's normalisation), and questions of
 *   different entries with the same content words: which entry answers them is a coin toss;
 * - near-duplicates (most content words shared) as warnings, to look at;
 * - entries with fewer than KB_CHECK_OPTIONS.minQuestions questions;
 * - cited sentences (entries and tour steps) that are not in the article word for word;
 * - article sentences no entry or tour step quotes, unless kb-check.yaml says why none needs to;
 * - and, when all that is clean, anything else start-up would refuse (related ids, tours...).
 */
export function checkKnowledge(dir: string, options = KB_CHECK_OPTIONS): CheckResult {
  const rel: ShowPath = (file) => path.relative(process.cwd(), file) || file;
  const files = readForCheck(dir, rel);
  const findings: Finding[] = files.broken.map((e) => ({ severity: 'error', file: e.file, entry: e.entry, problem: e.problem }));
  findings.push(...duplicateQuestions(files, options), ...fewQuestions(files, options), ...missingQuotes(files));
  // with a file unreadable, its quotes are unknown: every sentence it quotes would show as uncovered
  const sentences = files.broken.length === 0 ? uncoveredSentences(files) : { findings: [], total: 0, allowed: 0 };
  findings.push(...sentences.findings);
  if (!findings.some((f) => f.severity === 'error')) findings.push(...startUpProblems(dir));
  return {
    findings,
    stats: {
      entries: files.entries.length,
      questions: files.entries.reduce((n, e) => n + e.questions.length, 0),
      sentences: sentences.total,
      allowed: sentences.allowed,
    },
  };
}

function duplicateQuestions(files: KnowledgeFiles, options: typeof KB_CHECK_OPTIONS): Finding[] {
  const findings: Finding[] = [];
  const keys = new QuestionKeys(files.synonyms);
  const questions = [...files.entries, ...files.gaps].flatMap((owner) => owner.questions.map((text) => ({ owner, text, exact: exactKey(text), words: keys.key(text) })));
  const firstExact = new Map<string, (typeof questions)[number]>();
  for (const q of questions) {
    const first = firstExact.get(q.exact);
    if (!first) {
      firstExact.set(q.exact, q);
      continue;
    }
    const where = first.owner === q.owner ? 'twice in this entry' : `also in entry "${first.owner.id}" (${first.owner.file})`;
    findings.push({ severity: 'error', file: q.owner.file, entry: `"${q.owner.id}"`, problem: `duplicate question: "${q.text}" is ${where}` });
  }
  // every pair of questions of different owners sharing a word, through an index of words
  const byWord = new Map<string, number[]>();
  questions.forEach((q, i) => {
    for (const word of q.words) byWord.set(word, [...(byWord.get(word) ?? []), i]);
  });
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    for (const word of q.words) {
      for (const j of byWord.get(word) ?? []) {
        const other = questions[j];
        if (j <= i || !other || other.owner === q.owner || other.exact === q.exact || seen.has(`${i} ${j}`)) continue;
        seen.add(`${i} ${j}`);
        const score = similarity(q.words, other.words);
        const union = new Set([...q.words, ...other.words]).size;
        const pair = `"${other.text}" and "${q.text}" in entry "${q.owner.id}" (${q.owner.file})`;
        if (score >= options.sameQuestion) {
          findings.push({ severity: 'error', file: other.owner.file, entry: `"${other.owner.id}"`, problem: `near-duplicate question: ${pair} ask the same (same words once filler, word forms and synonyms are set aside)` });
        } else if (score >= options.nearDuplicate && union >= options.nearDuplicateMinWords) {
          findings.push({ severity: 'warning', file: other.owner.file, entry: `"${other.owner.id}"`, problem: `similar questions (${Math.round(score * 100)}% of their words shared): ${pair}` });
        }
      }
    }
  });
  return findings;
}

function fewQuestions(files: KnowledgeFiles, options: typeof KB_CHECK_OPTIONS): Finding[] {
  return files.entries
    .filter((e) => e.questions.length < options.minQuestions)
    .map((e) => ({ severity: 'error', file: e.file, entry: `"${e.id}"`, problem: `too few alternate questions: ${e.questions.length}, at least ${options.minQuestions} (other wordings readers would use)` }));
}

function missingQuotes(files: KnowledgeFiles): Finding[] {
  const paragraphs = files.article?.sections.flatMap((s) => s.paragraphs) ?? [];
  if (paragraphs.length === 0) return [];
  const quoted: { file: string; entry: string; quote: string }[] = [
    ...files.entries.flatMap((e: QuestionOwner) => (e.sources ?? []).map((quote) => ({ file: e.file, entry: `"${e.id}"`, quote }))),
    ...files.tourQuotes.flatMap((t) => t.sources.map((quote) => ({ file: t.file, entry: t.where, quote }))),
  ];
  return quoted
    .filter((q) => !paragraphs.some((p) => p.includes(q.quote)))
    .map((q) => ({ severity: 'error', file: q.file, entry: q.entry, problem: `cited sentence is not in the article word for word: "${q.quote}"` }));
}

function uncoveredSentences(files: KnowledgeFiles): { findings: Finding[]; total: number; allowed: number } {
  if (!files.article) return { findings: [], total: 0, allowed: 0 };
  const articleFile = path.join(path.dirname(files.allowFile), 'article.yaml');
  const quotes = [...files.entries.flatMap((e) => e.sources ?? []), ...files.tourQuotes.flatMap((t) => t.sources)];
  const sentences = articleSentences(files.article);
  const allowedSections = new Set(files.allow.uncovered.flatMap((a) => (a.section === undefined ? [] : [a.section])));
  const allowedSentences = new Set(files.allow.uncovered.flatMap((a) => (a.sentence === undefined ? [] : [a.sentence])));
  const findings: Finding[] = [];
  let allowed = 0;
  for (const s of sentences) {
    const covered = quotes.some((q) => covers(q, s.sentence));
    const excused = allowedSections.has(s.sectionId) || allowedSentences.has(s.sentence);
    if (excused) allowed++;
    if (covered && allowedSentences.has(s.sentence)) {
      findings.push({ severity: 'warning', file: files.allowFile, entry: `section "${s.sectionId}"`, problem: `listed as not needing an entry, but an entry quotes it: "${s.sentence}"` });
    }
    if (!covered && !excused) {
      findings.push({
        severity: 'error',
        file: articleFile,
        entry: `section "${s.sectionId}"`,
        problem: `no entry or tour step quotes this sentence: "${s.sentence}" (quote it in an entry's source, or list it in ${files.allowFile} with why)`,
      });
    }
  }
  const known = new Set(sentences.map((s) => s.sentence));
  const sections = new Set(files.article.sections.map((s) => s.id));
  for (const sentence of allowedSentences) {
    if (!known.has(sentence)) findings.push({ severity: 'warning', file: files.allowFile, entry: '-', problem: `listed sentence is not in the article: "${sentence}"` });
  }
  for (const section of allowedSections) {
    if (!sections.has(section)) findings.push({ severity: 'warning', file: files.allowFile, entry: '-', problem: `listed section "${section}" is not in the article` });
  }
  return { findings, total: sentences.length, allowed };
}

/** Whatever else start-up would refuse, as one finding (the loader stops at its first). */
function startUpProblems(dir: string): Finding[] {
  try {
    loadKnowledge(dir);
    return [];
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    return [{ severity: 'error', file: error.file, entry: error.entry, problem: error.problem }];
  }
}
