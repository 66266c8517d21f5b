import type { TurnContext } from 'botbuilder';
import type { Outcome } from '../src/answering/types.js';

/** The trace every user message produces, read by the evaluation runner and the Emulator. */
export interface OutcomeTrace {
  readonly outcome: Outcome['kind'];
  readonly topicId: string | null;
  readonly score: number | null;
}

const KEY = Symbol('outcomeTrace');

/**
 * Dialogs note what a turn did here; the bot sends it as ONE trace after the dialogs ran, so a
 * turn that both answers and moves a tour along still reports exactly one outcome.
 */
export function recordOutcome(context: TurnContext, trace: OutcomeTrace): void {
  context.turnState.set(KEY, trace);
}

export function recordedOutcome(context: TurnContext): OutcomeTrace | undefined {
  return context.turnState.get<OutcomeTrace | undefined>(KEY);
}

export function traceOf(outcome: Outcome): OutcomeTrace {
  switch (outcome.kind) {
    case 'answer':
      return { outcome: 'answer', topicId: outcome.entry.id, score: outcome.score };
    case 'clarify':
      return { outcome: 'clarify', topicId: outcome.options[0]?.entry.id ?? null, score: outcome.score };
    case 'smalltalk':
      return { outcome: 'smalltalk', topicId: outcome.intent.id, score: outcome.score };
    case 'handoff':
      return { outcome: 'handoff', topicId: null, score: outcome.score };
    case 'fallback':
      return { outcome: 'fallback', topicId: outcome.notCovered?.id ?? null, score: outcome.candidates[0]?.score ?? null };
  }
}
