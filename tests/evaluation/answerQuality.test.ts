import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { loadCases } from '../../src/evaluation/cases.js';
import { formatReport, runEvaluation, summarize, type CategorySummary } from '../../src/evaluation/runEvaluation.js';
import type { RunningServer } from '../../src/server.js';
import { startTestBot } from '../helpers/testBot.js';

let bot: RunningServer;
beforeAll(async () => {
  // ~2,000 turns in well under a minute from one address: far above a real client's rate, so the
  // per-client limit is turned off here, explicitly (per conversation stays on: one case, a few turns)
  bot = await startTestBot({ RATE_LIMIT_PER_CLIENT: '0' });
});
afterAll(async () => {
  await bot.close();
});

const fixtures = path.join(projectRoot(), 'tests', 'fixtures');

async function evaluate(file: string): Promise<Map<string, CategorySummary>> {
  const results = await runEvaluation(bot.url, loadCases(path.join(fixtures, file)));
  const summary = new Map(summarize(results).map((s) => [s.category, s]));
  // Printed so a failing run shows which questions went wrong.
  if (results.some((r) => !r.passed)) console.log(`${file}\n${formatReport(results)}`);
  return summary;
}

function accuracy(summary: Map<string, CategorySummary>, category: string): number {
  const entry = summary.get(category);
  if (!entry) throw new Error(`no ${category} cases`);
  return entry.accuracy;
}

describe('answer quality through the real endpoint', () => {
  // The development cases of shared/eval (copied into tests/fixtures), held to the bar.
  it('answers at least 95% of in-scope dev questions right and sends 95% of off-topic ones to fallback', async () => {
    const summary = await evaluate('dev-cases.jsonl');
    expect(accuracy(summary, 'in-scope')).toBeGreaterThanOrEqual(0.95);
    expect(accuracy(summary, 'out-of-scope')).toBeGreaterThanOrEqual(0.95);
    expect(accuracy(summary, 'smalltalk')).toBeGreaterThanOrEqual(0.95);
    expect(accuracy(summary, 'handoff')).toBeGreaterThanOrEqual(0.95);
    // every follow-up case of the dev set, as the dialogs issue asks
    expect(accuracy(summary, 'follow-ups')).toBe(1);
  });

  // Written from the article alone for the dialogs work: multi-turn follow-ups and tours asked for
  // in readers' own words. Its first run (before any change for it) was 94/106.
  it('keeps its level on the follow-up conversations of holdout9-cases.jsonl', async () => {
    const summary = await evaluate('holdout9-cases.jsonl');
    expect(accuracy(summary, 'follow-ups')).toBeGreaterThanOrEqual(0.85);
  });

  // Eight sets written without looking at the knowledge base, with other wording and typos; the
  // third by people who never read the article, the fourth in the dev set's own style, the fifth
  // by a tester padding questions with context and asking near-topic traps, the sixth one
  // and seventh rewordings of every dev case, the eighth small talk, handoff and follow-ups. They guard against tuning to the dev strings.
  // Bars sit a few points under today's figures (see the README), so a regression fails.
  it.each([
    ['holdout-cases.jsonl', 0.92, 0.95, 0.9],
    ['holdout2-cases.jsonl', 0.92, 0.95, 0.9],
    ['holdout3-cases.jsonl', 0.9, 0.95, 0.7],
    ['holdout4-cases.jsonl', 0.93, 0.95, 0.9],
    ['holdout5-cases.jsonl', 0.88, 0.92, 0.88],
    ['holdout6-cases.jsonl', 0.95, 0.95, 0.9],
    ['holdout7-cases.jsonl', 0.95, 0.95, 0.9],
    ['holdout8-cases.jsonl', 0.95, 0.95, 0.9],
  ])('keeps its level on the held-out set %s', async (file, inScope, outOfScope, followUps) => {
    const summary = await evaluate(file);
    expect(accuracy(summary, 'in-scope')).toBeGreaterThanOrEqual(inScope);
    expect(accuracy(summary, 'out-of-scope')).toBeGreaterThanOrEqual(outOfScope);
    expect(accuracy(summary, 'follow-ups')).toBeGreaterThanOrEqual(followUps);
  });

  it('recognises small talk and requests for a person worded in many ways', async () => {
    const summary = await evaluate('holdout8-cases.jsonl');
    expect(accuracy(summary, 'smalltalk')).toBeGreaterThanOrEqual(0.95);
    expect(accuracy(summary, 'handoff')).toBeGreaterThanOrEqual(0.95);
  });
});
