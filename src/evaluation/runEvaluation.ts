import { randomUUID } from 'node:crypto';
import { categoryOf, type EvalCase, type ExpectedOutcome } from './cases.js';
import { normalizeForMatch, replyText, type ReplyActivity } from './replyText.js';

export interface TurnResult {
  readonly caseId: string;
  readonly turn: number;
  readonly category: string;
  readonly say: string;
  readonly expect: ExpectedOutcome;
  readonly got: string;
  readonly topicId: string | null;
  readonly score: number | null;
  readonly missing: readonly (readonly string[])[];
  readonly passed: boolean;
  readonly error?: string;
}

export interface CategorySummary {
  readonly category: string;
  readonly passed: number;
  readonly total: number;
  readonly accuracy: number;
}

/**
 * Sends every case through the bot's real endpoint as the evaluation contract describes
 * (emulator channel, expectReplies, a fresh conversation per case) and scores each turn.
 */
export async function runEvaluation(botUrl: string, cases: readonly EvalCase[], concurrency = 4): Promise<TurnResult[]> {
  const results: TurnResult[][] = new Array<TurnResult[]>(cases.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const index = next++;
      results[index] = await runCase(botUrl, cases[index] as EvalCase);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, cases.length) }, worker));
  return results.flat();
}

async function runCase(botUrl: string, evalCase: EvalCase): Promise<TurnResult[]> {
  const conversationId = `eval-${evalCase.id}-${randomUUID()}`;
  const out: TurnResult[] = [];
  for (const [turn, step] of evalCase.turns.entries()) {
    const base = { caseId: evalCase.id, turn, category: categoryOf(evalCase, step.expect), say: step.say, expect: step.expect };
    let activities: ReplyActivity[];
    try {
      activities = await send(botUrl, conversationId, step.say);
    } catch (error) {
      out.push({ ...base, got: 'error', topicId: null, score: null, missing: [], passed: false, error: String(error) });
      continue;
    }
    const traces = activities.filter((a) => a.type === 'trace' && a.name === 'outcome');
    const trace = (traces.length === 1 ? traces[0]?.value : undefined) as { outcome?: string; topicId?: string | null; score?: number | null } | undefined;
    const got = trace?.outcome ?? (traces.length === 0 ? 'no outcome trace' : `${traces.length} outcome traces`);
    const text = normalizeForMatch(replyText(activities));
    const missing = step.expect === 'answer' ? (step.include ?? []).filter((group) => !group.some((s) => text.includes(normalizeForMatch(s)))) : [];
    out.push({ ...base, got, topicId: trace?.topicId ?? null, score: trace?.score ?? null, missing, passed: got === step.expect && missing.length === 0 });
  }
  return out;
}

async function send(botUrl: string, conversationId: string, text: string): Promise<ReplyActivity[]> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: randomUUID(),
      channelId: 'emulator',
      deliveryMode: 'expectReplies',
      serviceUrl: 'http://127.0.0.1:9/unused',
      conversation: { id: conversationId },
      from: { id: 'eval-user', role: 'user' },
      recipient: { id: 'bot', role: 'bot' },
      locale: 'en-US',
      text,
    }),
  });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { activities?: ReplyActivity[] };
  return body.activities ?? [];
}

export function summarize(results: readonly TurnResult[]): CategorySummary[] {
  const order = ['in-scope', 'out-of-scope', 'smalltalk', 'handoff', 'clarify', 'follow-ups'];
  const byCategory = new Map<string, { passed: number; total: number }>();
  for (const result of results) {
    const entry = byCategory.get(result.category) ?? { passed: 0, total: 0 };
    entry.total++;
    if (result.passed) entry.passed++;
    byCategory.set(result.category, entry);
  }
  return [...byCategory.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([category, { passed, total }]) => ({ category, passed, total, accuracy: passed / total }));
}

export function formatReport(results: readonly TurnResult[]): string {
  const lines = ['Category        passed   total   accuracy'];
  for (const s of summarize(results)) {
    lines.push(`${s.category.padEnd(16)}${String(s.passed).padStart(6)}${String(s.total).padStart(8)}${(s.accuracy * 100).toFixed(1).padStart(10)}%`);
  }
  const failures = results.filter((r) => !r.passed);
  lines.push('', failures.length === 0 ? 'No failures.' : `Failures (${failures.length}):`);
  for (const f of failures) {
    const why = f.error ?? (f.got !== f.expect ? `expected ${f.expect}, got ${f.got}` : `answer lacks ${f.missing.map((g) => g.join(' | ')).join('; ')}`);
    lines.push(`  ${f.caseId}#${f.turn + 1} "${f.say}": ${why} (topic ${f.topicId ?? '-'}, score ${f.score ?? '-'})`);
  }
  return lines.join('\n');
}
