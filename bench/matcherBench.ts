import path from 'node:path';
import { Answerer } from '../src/answering/Answerer.js';
import { loadKnowledge } from '../src/answering/loadKnowledge.js';
import type { KnowledgeBase } from '../src/answering/types.js';
import { loadCases } from '../src/evaluation/cases.js';
import { percentile } from './stats.js';
import { copyToken, multiplyKnowledge } from './syntheticKnowledge.js';

export interface MatcherFigures {
  readonly label: string;
  readonly entries: number;
  readonly queries: number;
  readonly buildMs: number;
  /** First pass over the questions: per-word caches (spelling, small talk) still empty. */
  readonly coldP50: number;
  readonly coldP99: number;
  /** Later passes, in microseconds. */
  readonly p50: number;
  readonly p99: number;
}

const HELD_OUT = ['holdout2', 'holdout3', 'holdout4'];

/** Every message of the held-out sets 2-4, each asked on its own (no conversation memory). */
export function heldOutQuestions(root: string): string[] {
  return HELD_OUT.flatMap((name) => loadCases(path.join(root, 'tests', 'fixtures', `${name}-cases.jsonl`)).flatMap((c) => c.turns.map((t) => t.say)));
}

/** Microseconds per Answerer.respond: the answering core's whole decision for one message. */
function time(answerer: Answerer, questions: readonly string[], rounds: number): number[] {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const question of questions) {
      const start = process.hrtime.bigint();
      answerer.respond(question);
      samples.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }
  return samples.sort((a, b) => a - b);
}

function measure(label: string, knowledge: KnowledgeBase, questions: readonly string[], rounds: number): MatcherFigures {
  const start = process.hrtime.bigint();
  const answerer = new Answerer(knowledge);
  const buildMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cold = time(answerer, questions, 1);
  const warm = time(answerer, questions, rounds);
  return {
    label,
    entries: knowledge.entries.length + knowledge.notCovered.length,
    queries: questions.length,
    buildMs,
    coldP50: percentile(cold, 0.5),
    coldP99: percentile(cold, 0.99),
    p50: percentile(warm, 0.5),
    p99: percentile(warm, 0.99),
  };
}

/** The article's knowledge base and one 100 times larger, queried with the same held-out questions. */
export function matcherBench(root: string, rounds: { article: number; large: number }): MatcherFigures[] {
  const knowledge = loadKnowledge(path.join(root, 'knowledge'));
  const questions = heldOutQuestions(root);
  const article = measure('article KB', knowledge, questions, rounds.article);
  // every third question names one copy by its invented word; the others tie across all copies
  const large = measure(
    '100x KB',
    multiplyKnowledge(knowledge, 100),
    questions.map((q, i) => (i % 3 === 0 ? `${q} ${copyToken(i % 100)}` : q)),
    rounds.large,
  );
  return [article, large];
}
