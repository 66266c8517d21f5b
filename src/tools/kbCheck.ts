import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { checkKnowledge } from '../learning/checkKnowledge.js';

/**
 * npm run kb:check [-- --knowledge <dir>]
 * Lints the knowledge base: one line per defect (severity, file, entry, problem) and a summary.
 * Exits 1 when there is an error; warnings are shown but pass.
 */
function main(): void {
  const { values } = parseArgs({ options: { knowledge: { type: 'string' } } });
  const dir = values.knowledge === undefined ? loadConfig().knowledgeDir : path.resolve(values.knowledge);
  const { findings, stats } = checkKnowledge(dir);
  for (const f of findings) console.log(`${f.severity.padEnd(7)} ${f.file}, entry ${f.entry}: ${f.problem}`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  console.log(
    `kb:check: ${stats.entries} entries, ${stats.questions} questions, ${stats.sentences} article sentences (${stats.allowed} need no entry): ` +
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  process.exitCode = errors > 0 ? 1 : 0;
}

main();
