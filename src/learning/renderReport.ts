import type { QuestionGroup } from './groupQuestions.js';
import type { Report } from './buildReport.js';

/** The command that adds a suggested question to its entry, quoted for a POSIX shell. */
export function addCommand(entryId: string, question: string): string {
  return `npm run kb:add -- ${entryId} '${question.replace(/'/g, `'\\''`)}'`;
}

/** The report as Markdown for a person: what to look at first, with counts and examples. */
export function renderMarkdown(report: Report, logFiles: readonly string[], skipped: number): string {
  const out: string[] = ['# Knowledge review', ''];
  out.push(`Log: ${logFiles.length > 0 ? logFiles.join(', ') : '(none found)'}${report.from ? `, ${report.from} to ${report.to ?? ''}` : ''}`);
  const t = report.totals;
  out.push(
    `Events: ${t.fallback} unanswered or gaps, ${t['low-confidence']} low-confidence answers, ${t.clarify} "Did you mean" (${t['clarify-choice']} picked), ` +
      `${t.feedback} votes, ${t['feedback-reason']} reasons, ${t.handoff} handoffs${skipped > 0 ? `; ${skipped} unreadable lines skipped` : ''}.`,
  );

  out.push('', '## Top unanswered questions', '', 'Add an entry or an alternate question, or list the topic in not-covered.yaml.', '');
  out.push(...groups(report.unanswered));
  out.push('', '## Low-confidence answers', '', 'Answered, but only just: check the answer fits the question (tags are the entries given).', '');
  out.push(...groups(report.lowConfidence));
  out.push('', '## Known gaps asked about', '', 'The bot said honestly that the article does not cover these (tags are not-covered.yaml topics).', '');
  out.push(...groups(report.knownGaps));

  out.push('', '## Answers with the most 👎', '');
  if (report.mostDisliked.length === 0) out.push('(none)');
  for (const r of report.mostDisliked) {
    const reasons = Object.entries(r.reasons).map(([reason, n]) => `${reason} ${n}`).join(', ');
    out.push(`- **${r.topicId}** (${r.title}): 👎 ${r.down}, 👍 ${r.up}${reasons ? `; what was wrong: ${reasons}` : ''}`);
    for (const q of r.examples) out.push(`  - "${q}"`);
  }

  out.push('', '## Suggested alternate questions', '', 'Readers asked these, were shown "Did you mean", and picked the entry. To add one, run its command.', '');
  if (report.suggestions.length === 0) out.push('(none)');
  for (const s of report.suggestions) {
    out.push(`${s.n}. "${s.question}" -> **${s.entryId}** (${s.file}), picked ${s.count}x`, `   \`${addCommand(s.entryId, s.question)}\``);
  }
  return `${out.join('\n')}\n`;
}

function groups(list: readonly QuestionGroup[]): string[] {
  if (list.length === 0) return ['(none)'];
  return list.flatMap((g, i) => {
    const tags = Object.entries(g.tags).sort((a, b) => b[1] - a[1]).map(([tag, n]) => `${tag} ${n}`).join(', ');
    return [`${i + 1}. **${g.count}x** "${g.question}" (${tags})`, ...g.examples.map((q) => `   - "${q}"`)];
  });
}
