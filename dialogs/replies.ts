import { Answerer, SOMETHING_ELSE } from '../src/answering/Answerer.js';
import type { DecisionOptions } from '../src/answering/options.js';
import { TourDetector } from '../src/answering/TourDetector.js';
import type { Citation, FaqEntry, Outcome, Tour, TourStep } from '../src/answering/types.js';
import { MESSAGES } from '../src/messages.js';
import type { DataButton } from './feedback.js';

/**
 * What the bot says in one message, before it is dressed for a channel: the text, the article
 * sentences it rests on, a closing line and the buttons. Dialogs build these; the bot turns them
 * into markdown with suggested actions (Web Chat, Emulator) or an Adaptive Card (Teams).
 */
export interface ReplyModel {
  readonly text: string;
  readonly citations?: readonly Citation[] | undefined;
  /** A line after the sources, before the buttons ("Pick a reason to read the details:"). */
  readonly prompt?: string | undefined;
  /** Button labels; tapping one sends the label back as if typed (imBack). */
  readonly buttons: readonly string[];
  /** Buttons that send data rather than words (feedback: 👍 / 👎, what was wrong), after the others. */
  readonly dataButtons?: readonly DataButton[] | undefined;
}

/** Turns an outcome of the answering core into the reply the user sees. */
export function outcomeReply(outcome: Outcome, decision: Pick<DecisionOptions, 'maxMessageLength'>): ReplyModel {
  switch (outcome.kind) {
    case 'answer':
      return { text: outcome.entry.answer, citations: outcome.entry.citations, buttons: labels(outcome.related) };
    case 'clarify':
      return { text: MESSAGES.clarify, buttons: [...labels(outcome.options.map((o) => o.entry)), SOMETHING_ELSE] };
    case 'smalltalk':
      return { text: outcome.reply, buttons: labels(outcome.suggestions) };
    case 'handoff':
      return { text: MESSAGES.handoff, buttons: [] };
    case 'fallback':
      switch (outcome.reason) {
        case 'empty':
          return { text: MESSAGES.empty, buttons: [] };
        case 'too-long':
          return { text: MESSAGES.tooLong(decision.maxMessageLength), buttons: [] };
        case 'declined':
          return { text: MESSAGES.declined, buttons: [MESSAGES.handoffButton] };
        case 'not-covered':
          return {
            text: MESSAGES.notCovered(outcome.notCovered?.subject ?? 'that'),
            buttons: [...labels(outcome.suggestions), MESSAGES.handoffButton],
          };
        default:
          return { text: MESSAGES.fallback, buttons: [...labels(outcome.suggestions), MESSAGES.handoffButton] };
      }
  }
}

/** The topics menu under `text`: every guided tour, then the starter questions. */
export function topicsMenu(text: string, answerer: Answerer): ReplyModel {
  return { text, buttons: [...answerer.knowledge.tours.map((t) => TourDetector.buttonLabel(t)), ...labels(answerer.starters())] };
}

/** The buttons under a tour step: its own choices, then the way out. */
export function stepButtons(step: TourStep): string[] {
  return [...step.choices.map((c) => c.label), MESSAGES.backToTopics];
}

/** The id feedback on a tour step carries: the step, since it may show several entries or none. */
export function stepTopicId(tour: Tour, step: TourStep): string {
  return `tour:${tour.id}/${step.id}`;
}

/**
 * One tour step: an optional opening line, the step's answers (FAQ entries and its own text),
 * every quote behind them, and its buttons.
 */
export function stepReply(step: TourStep, opening?: string): ReplyModel {
  const parts = [opening, step.lead, ...step.entries.map((e) => e.answer), step.say].filter((p): p is string => p !== undefined && p !== '');
  return {
    text: parts.join('\n\n'),
    citations: [...step.entries.flatMap((e) => e.citations), ...step.citations],
    prompt: step.prompt,
    buttons: stepButtons(step),
  };
}

function labels(entries: readonly FaqEntry[]): string[] {
  return entries.map((e) => Answerer.label(e));
}
