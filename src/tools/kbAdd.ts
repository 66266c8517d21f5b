import path from 'node:path';
import { parseArgs } from 'node:util';
import { KnowledgeError } from '../answering/KnowledgeError.js';
import { loadConfig } from '../config.js';
import { addQuestion, AddQuestionError } from '../learning/addQuestion.js';

/**
 * npm run kb:add -- <entry id> "<question>" [--knowledge <dir>]
 * Adds an alternate question to an FAQ entry (e.g. one the review report suggests) and checks that
 * the knowledge base still loads. The bot reads the knowledge at start-up: restart it afterwards.
 */
function main(): void {
  const { values, positionals } = parseArgs({ options: { knowledge: { type: 'string' } }, allowPositionals: true });
  const [entryId, question, ...extra] = positionals;
  if (entryId === undefined || question === undefined || extra.length > 0) {
    console.error('Usage: npm run kb:add -- <entry id> "<question>" [--knowledge <dir>]');
    process.exit(2);
  }
  const dir = values.knowledge === undefined ? loadConfig().knowledgeDir : path.resolve(values.knowledge);
  const file = addQuestion(dir, entryId, question);
  console.log(`Added "${question.trim()}" to entry "${entryId}" in ${file}; the knowledge base loads. Restart the bot to use it.`);
}

try {
  main();
} catch (error) {
  if (error instanceof AddQuestionError || error instanceof KnowledgeError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
