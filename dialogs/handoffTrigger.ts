import type { Candidate, ConversationMemory, FallbackReason, Outcome } from '../src/answering/types.js';
import type { HandoffReason } from '../src/handoff/Ticket.js';

/** What the bot hands to a person: why, the question in the user's words, what it considered. */
export interface HandoffRequest {
  readonly reason: HandoffReason;
  /** Default: the user's last question before this message (from the transcript). */
  readonly question?: string | undefined;
  /** Default: what the answering core finds for the question on its own. */
  readonly candidates?: readonly Candidate[] | undefined;
}

/** Fallbacks in a row after which the bot stops trying and offers the question to a person. */
export const FALLBACKS_BEFORE_HANDOFF = 2;

/** Fallbacks that are not a failed question: nothing was asked, the message was too long, or the user declined a "Did you mean". */
const NOT_A_FAILED_QUESTION: ReadonlySet<FallbackReason> = new Set(['empty', 'too-long', 'declined']);

export interface HandoffDecision {
  readonly request?: HandoffRequest | undefined;
  /** Unanswered questions in a row, including this one, for the next turn. */
  readonly fallbacksInARow: number;
}

/**
 * When a question answered by the core goes to a person: the user asked for one (any wording, the
 * core's handoff detector), a "Did you mean" got "Something else", or the bot fell back on two
 * questions in a row. `clarifying` is the question the "Did you mean" was shown for, in the
 * user's words ('' when none was pending).
 */
export function decideHandoff(outcome: Outcome, text: string, before: ConversationMemory, clarifying: string): HandoffDecision {
  if (outcome.kind === 'handoff') return { request: { reason: 'asked-for-person' }, fallbacksInARow: 0 };
  if (outcome.kind !== 'fallback') return { fallbacksInARow: 0 };
  if (outcome.reason === 'declined') {
    // "Something else" after a "Did you mean": the options were the bot's best, and none fitted
    if (before.pendingClarify === undefined) return { fallbacksInARow: 0 };
    return { request: { reason: 'declined-clarification', question: clarifying === '' ? undefined : clarifying }, fallbacksInARow: 0 };
  }
  if (NOT_A_FAILED_QUESTION.has(outcome.reason)) return { fallbacksInARow: before.fallbacksInARow ?? 0 };
  const inARow = (before.fallbacksInARow ?? 0) + 1;
  if (inARow < FALLBACKS_BEFORE_HANDOFF) return { fallbacksInARow: inARow };
  return { request: { reason: 'repeated-fallback', question: text, candidates: outcome.candidates }, fallbacksInARow: 0 };
}
