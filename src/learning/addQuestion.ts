import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, stringify, type YAMLSeq } from 'yaml';
import { KnowledgeError } from '../answering/KnowledgeError.js';
import { loadKnowledge } from '../answering/loadKnowledge.js';
import { listYaml } from '../answering/readKnowledgeFile.js';
import { exactKey } from './questionKey.js';

/** Why a question could not be added; the message is for the editor. */
export class AddQuestionError extends Error {
  override name = 'AddQuestionError';
}

/** Longest alternate question accepted: the matcher compares short questions, not paragraphs. */
const MAX_QUESTION_LENGTH = 200;

/**
 * Adds an alternate question to an FAQ entry in its faq/*.yaml file, then checks that the whole
 * knowledge base still loads; if it does not, the file is put back as it was. The line is spliced
 * into the file's text after the entry's last question, with the same indentation, so comments,
 * folded answers and everything else in the file stay byte for byte as the editor wrote them
 * (re-serialising the YAML document would re-wrap long answers). Returns the file changed.
 */
export function addQuestion(knowledgeDir: string, entryId: string, question: string): string {
  const text = question.trim();
  if (text === '' || exactKey(text) === '') throw new AddQuestionError('the question is empty');
  if (/[\r\n]/.test(text)) throw new AddQuestionError('the question must be one line');
  if (text.length > MAX_QUESTION_LENGTH) throw new AddQuestionError(`the question is longer than ${MAX_QUESTION_LENGTH} characters`);

  const knowledge = loadKnowledge(knowledgeDir);
  const owner = [...knowledge.entries, ...knowledge.notCovered].find((item) => item.questions.some((q) => exactKey(q) === exactKey(text)));
  if (owner) throw new AddQuestionError(`"${text}" is already a question of "${owner.id}" (${owner.file})`);

  const rel = (file: string): string => path.relative(process.cwd(), file) || file;
  for (const file of listYaml(path.join(knowledgeDir, 'faq'), rel)) {
    const source = readFileSync(file, 'utf8');
    const questions = questionsOf(source, entryId);
    if (!questions) continue;
    writeFileSync(file, insert(source, questions, text));
    try {
      loadKnowledge(knowledgeDir);
    } catch (error) {
      writeFileSync(file, source);
      const reason = error instanceof KnowledgeError ? error.message : String(error);
      throw new AddQuestionError(`not added: with it the knowledge base does not load (${reason})`);
    }
    return rel(file);
  }
  throw new AddQuestionError(`no FAQ entry "${entryId}" in ${rel(path.join(knowledgeDir, 'faq'))}`);
}

/** The `questions:` list of the entry with this id, or undefined when the file does not have it. */
function questionsOf(source: string, entryId: string): YAMLSeq | undefined {
  const entries = parseDocument(source).get('entries');
  if (!isSeq(entries)) return undefined;
  for (const item of entries.items) {
    if (!isMap(item) || item.get('id') !== entryId) continue;
    const questions = item.get('questions', true);
    return isSeq(questions) ? questions : undefined;
  }
  return undefined;
}

function insert(source: string, questions: YAMLSeq, question: string): string {
  const last = questions.items[questions.items.length - 1];
  const [start, end] = questions.range ?? [0, 0];
  if (questions.flow || !isScalar(last) || !last.range) {
    // [a, b] on one line: the new question goes before the closing bracket
    const close = source.lastIndexOf(']', end);
    if (close < start) throw new AddQuestionError('cannot find where the questions list ends; add the question by hand');
    const separator = questions.items.length > 0 ? ', ' : '';
    // double-quoted, since a comma or bracket in a plain scalar would end it inside [ ]
    return `${source.slice(0, close)}${separator}${JSON.stringify(question)}${source.slice(close)}`;
  }
  const lineStart = source.lastIndexOf('\n', last.range[0]) + 1;
  const indent = /^\s*-\s*/.exec(source.slice(lineStart, last.range[0]))?.[0] ?? '- ';
  const lineEnd = source.indexOf('\n', last.range[1]);
  const at = lineEnd === -1 ? source.length : lineEnd;
  return `${source.slice(0, at)}\n${indent}${stringify(question).trimEnd()}${source.slice(at)}`;
}
