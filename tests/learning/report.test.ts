import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/answering/loadKnowledge.js';
import { projectRoot } from '../../src/config.js';
import { buildReport } from '../../src/learning/buildReport.js';
import { readEvents } from '../../src/learning/readEvents.js';
import { addCommand, renderMarkdown } from '../../src/learning/renderReport.js';
import { runTool } from '../helpers/runTool.js';

const root = projectRoot();
const LOG = path.join(root, 'tests', 'fixtures', 'events', 'review-log.jsonl');
const knowledge = loadKnowledge(path.join(root, 'knowledge'));

describe('the review report on a small fixture log', () => {
  const { events, skipped } = readEvents(LOG);
  const report = buildReport(events, knowledge);

  it('reads every event line and skips (counts) the ones it cannot read', () => {
    expect(events).toHaveLength(24);
    expect(skipped).toBe(2);
    expect(report.totals).toEqual({ 'low-confidence': 1, fallback: 8, clarify: 2, 'clarify-choice': 4, feedback: 5, 'feedback-reason': 3, handoff: 1 });
    expect([report.from, report.to]).toEqual(['2026-04-01T10:01:00.000Z', '2026-04-01T10:24:00.000Z']);
  });

  it('groups unanswered questions by similarity, biggest first, with counts, reasons and other wordings', () => {
    expect(report.unanswered).toEqual([
      { count: 4, question: 'is bitcoin going up', examples: ['Is Bitcoin going up?', 'will bitcoin go up'], tags: { 'no-match': 3, 'off-topic': 1 } },
      { count: 1, question: "what's the weather in Paris", examples: [], tags: { 'no-match': 1 } },
      { count: 1, question: 'zeppelin?', examples: [], tags: { declined: 1 } },
    ]);
  });

  it('keeps known gaps and low-confidence answers apart from the unanswered', () => {
    expect(report.knownGaps).toEqual([{ count: 2, question: 'how much does copilot cost', examples: ['What does Copilot cost?'], tags: { 'copilot-price': 2 } }]);
    expect(report.lowConfidence).toEqual([{ count: 1, question: 'main reasons behind sora shutdwon', examples: [], tags: { 'why-shutdown': 1 } }]);
  });

  it('lists the answers with the most 👎, with what was wrong and the questions asked', () => {
    expect(report.mostDisliked).toEqual([
      { topicId: 'sora-revenue', title: expect.any(String) as string, down: 2, up: 1, reasons: { 'wrong-answer': 1, 'not-what-i-asked': 1 }, examples: ['How much did Sora make?', 'sora profit'] },
      { topicId: 'tour:disney-deal/characters', title: 'The Disney deal: The characters', down: 1, up: 0, reasons: { 'too-little-detail': 1 }, examples: ['Next: the characters'] },
    ]);
  });

  it('suggests alternate questions from "Did you mean" picks, merged by wording, never one already in the knowledge', () => {
    expect(report.suggestions).toEqual([
      { n: 1, entryId: 'disney-no-payment', file: path.join('knowledge', 'faq', 'disney.yaml'), question: 'disney money?', count: 2 },
      { n: 2, entryId: 'disney-deal-value', file: path.join('knowledge', 'faq', 'disney.yaml'), question: 'money from disney', count: 1 },
    ]);
  });

  it('renders Markdown with a ready kb:add command per suggestion', () => {
    const md = renderMarkdown(report, [LOG], skipped);
    expect(md).toContain('## Top unanswered questions');
    expect(md).toContain('1. **4x** "is bitcoin going up" (no-match 3, off-topic 1)');
    expect(md).toContain('**sora-revenue**');
    expect(md).toContain("`npm run kb:add -- disney-no-payment 'disney money?'`");
    expect(md).toContain('2 unreadable lines skipped');
  });

  it('quotes the command for the shell', () => {
    expect(addCommand('sora-shutdown', "is sora's app gone")).toBe("npm run kb:add -- sora-shutdown 'is sora'\\''s app gone'");
  });
});

describe('npm run report', () => {
  it('prints the Markdown report of --log', async () => {
    const run = await runTool('report', ['--log', LOG]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# Knowledge review');
    expect(run.stdout).toContain('"disney money?" -> **disney-no-payment**');
  });

  it('prints JSON with --format json', async () => {
    const run = await runTool('report', ['--log', LOG, '--format', 'json']);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as { suggestions: unknown[]; skipped: number };
    expect(parsed.suggestions).toHaveLength(2);
    expect(parsed.skipped).toBe(2);
  });

  it('says where it looked when there is no log, and reports nothing', async () => {
    const run = await runTool('report', ['--log', path.join(root, 'no-such-log.jsonl')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('No review log at');
    expect(run.stdout).toContain('(none)');
  });

  it('refuses an unknown format', async () => {
    const run = await runTool('report', ['--format', 'html']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--format must be md or json');
  });
});
