import { parseArgs } from 'node:util';
import { loadCases } from '../evaluation/cases.js';
import { formatReport, runEvaluation } from '../evaluation/runEvaluation.js';
import { connectToBot } from './localBot.js';

/**
 * npm run eval -- <cases.jsonl> [--url http://host:port]
 * Scores a case file through the bot's real HTTP endpoint. Without --url it starts the bot on a
 * free local port first. Prints accuracy per category and every failure.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { url: { type: 'string' } } });
  const file = positionals[0];
  if (!file) {
    console.error('usage: npm run eval -- <cases.jsonl> [--url http://127.0.0.1:3978]');
    process.exit(2);
  }
  const cases = loadCases(file);
  const { url, stop } = await connectToBot(values.url);
  const results = await runEvaluation(url, cases);
  console.log(`${cases.length} cases, ${results.length} turns from ${file}\n`);
  console.log(formatReport(results));
  await stop();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
