/**
 * Quality guard for speed work: runs every turn of every case file through Answerer.respond (each
 * case's turns in order within one conversation memory) and prints one line per turn: outcome
 * kind, topic id, score, the first candidates, and what the dialogs ask the core besides
 * (interruption action, tour request). Diff the output before and after a change:
 *
 *   npx tsx bench/outcomeDump.ts > before.txt; ...; npx tsx bench/outcomeDump.ts | diff before.txt -
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Answerer } from '../src/answering/Answerer.js';
import { loadKnowledge } from '../src/answering/loadKnowledge.js';
import type { ConversationMemory, Outcome } from '../src/answering/types.js';
import { loadCases } from '../src/evaluation/cases.js';

const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'tests', 'fixtures');
const answerer = new Answerer(loadKnowledge(path.join(root, 'knowledge')));

function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'answer':
      return `answer ${outcome.entry.id} ${outcome.score.toFixed(3)} cand=${outcome.candidates.map((c) => `${c.entry.id}:${c.score.toFixed(3)}`).join(',')}`;
    case 'clarify':
      return `clarify ${outcome.options.map((c) => `${c.entry.id}:${c.score.toFixed(3)}`).join(',')} ${outcome.score.toFixed(3)}`;
    case 'smalltalk':
      return `smalltalk ${outcome.intent.id} ${outcome.score.toFixed(3)}`;
    case 'handoff':
      return `handoff ${outcome.score.toFixed(3)}`;
    case 'fallback':
      return `fallback ${outcome.reason} ${outcome.notCovered?.id ?? '-'} cand=${outcome.candidates.map((c) => `${c.entry.id}:${c.score.toFixed(3)}`).join(',')} sugg=${outcome.suggestions.map((e) => e.id).join(',')}`;
  }
}

const lines: string[] = [];
for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.jsonl')).sort()) {
  for (const evalCase of loadCases(path.join(fixtures, file))) {
    let memory: ConversationMemory = {};
    evalCase.turns.forEach((turn, index) => {
      const action = answerer.action(turn.say) ?? '-';
      const tour = answerer.tourRequest(turn.say)?.id ?? '-';
      const reply = answerer.respond(turn.say, memory);
      memory = reply.memory;
      lines.push(`${file} ${evalCase.id}#${index} | ${describeOutcome(reply.outcome)} | action=${action} tour=${tour} | mem=${JSON.stringify(memory)}`);
    });
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
