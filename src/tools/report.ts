import path from 'node:path';
import { parseArgs } from 'node:util';
import { KnowledgeError } from '../answering/KnowledgeError.js';
import { loadKnowledge } from '../answering/loadKnowledge.js';
import { ConfigError, loadConfig } from '../config.js';
import { buildReport } from '../learning/buildReport.js';
import { readEvents } from '../learning/readEvents.js';
import { renderMarkdown } from '../learning/renderReport.js';

/** Where the log is looked for when neither --log nor EVENT_LOG_PATH says: the path .env.example suggests. */
const DEFAULT_LOG = './data/events.jsonl';

/**
 * npm run report [-- --log <file>] [--format md|json] [--knowledge <dir>]
 * The knowledge editor's review list from the review log: top unanswered questions grouped by
 * similarity, low-confidence answers, known gaps asked about, the answers with the most 👎, and
 * alternate questions to add (each with its `npm run kb:add` command).
 */
function main(): void {
  const { values } = parseArgs({
    options: { log: { type: 'string' }, format: { type: 'string', default: 'md' }, knowledge: { type: 'string' } },
  });
  if (values.format !== 'md' && values.format !== 'json') throw new ConfigError(`--format must be md or json, not "${values.format}"`);
  const config = loadConfig();
  const logFile = path.resolve(values.log ?? (config.eventLog.file || DEFAULT_LOG));
  const knowledge = loadKnowledge(values.knowledge === undefined ? config.knowledgeDir : path.resolve(values.knowledge));
  const { events, skipped, files } = readEvents(logFile);
  if (files.length === 0) console.error(`No review log at ${logFile} (set EVENT_LOG_PATH for the bot, or pass --log <file>).`);
  const report = buildReport(events, knowledge);
  process.stdout.write(values.format === 'json' ? `${JSON.stringify({ log: files, skipped, ...report }, null, 2)}\n` : renderMarkdown(report, files, skipped));
}

try {
  main();
} catch (error) {
  if (error instanceof ConfigError || error instanceof KnowledgeError || (error instanceof TypeError && 'code' in error)) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
