import { ActionTypes, ActivityTypes, type Activity, type CardAction } from 'botbuilder';
import { SOMETHING_ELSE } from '../answering/Answerer.js';
import type { DecisionOptions } from '../answering/options.js';
import type { FaqEntry, Outcome } from '../answering/types.js';
import { MESSAGES } from '../messages.js';

/**
 * Turns an outcome of the answering core into the message the user sees. Buttons are suggested
 * actions that post the canonical question back (imBack), so a tap works like typing it and the
 * transcript shows what was asked.
 */
export function renderOutcome(outcome: Outcome, decision: Pick<DecisionOptions, 'maxMessageLength'>): Partial<Activity> {
  switch (outcome.kind) {
    case 'answer':
      return message(answerText(outcome.entry), outcome.related.map(questionButton));
    case 'clarify':
      return message(MESSAGES.clarify, [...outcome.options.map((o) => questionButton(o.entry)), button(SOMETHING_ELSE)]);
    case 'smalltalk':
      return message(outcome.reply, outcome.suggestions.map(questionButton));
    case 'handoff':
      return message(MESSAGES.handoff);
    case 'fallback':
      switch (outcome.reason) {
        case 'empty':
          return message(MESSAGES.empty);
        case 'too-long':
          return message(MESSAGES.tooLong(decision.maxMessageLength));
        case 'declined':
          return message(MESSAGES.declined, [button(MESSAGES.handoffButton)]);
        case 'not-covered':
          return message(
            MESSAGES.notCovered(outcome.notCovered?.subject ?? 'that'),
            [...outcome.suggestions.map(questionButton), button(MESSAGES.handoffButton)],
          );
        default:
          return message(MESSAGES.fallback, [...outcome.suggestions.map(questionButton), button(MESSAGES.handoffButton)]);
      }
  }
}

/** The answer, then the quoted sentences it rests on and the section they are in. */
function answerText(entry: FaqEntry): string {
  const sections = [...new Set(entry.citations.map((c) => c.sectionHeading))];
  const quotes = entry.citations.map((c) => `> ${c.quote}`).join('\n>\n');
  return `${entry.answer}\n\n**${MESSAGES.sourceLabel}** (${MESSAGES.sections(sections)}):\n\n${quotes}`;
}

export function questionButton(entry: FaqEntry): CardAction {
  return button(entry.questions[0] ?? entry.title);
}

function button(text: string): CardAction {
  return { type: ActionTypes.ImBack, title: text, value: text };
}

function message(text: string, actions: readonly CardAction[] = []): Partial<Activity> {
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text, textFormat: 'markdown' };
  if (actions.length > 0) activity.suggestedActions = { actions: [...actions], to: [] };
  return activity;
}
