import { ActionTypes, ActivityTypes, type Activity, type CardAction } from 'botbuilder';
import type { DataButton } from '../../dialogs/feedback.js';
import type { ReplyModel } from '../../dialogs/replies.js';
import type { Citation } from '../answering/types.js';
import { MESSAGES } from '../messages.js';

/** The reply as markdown text with the quoted sources, and the buttons as suggested actions. */
export function toMessage(reply: ReplyModel): Partial<Activity> {
  const parts = [reply.text];
  if (reply.citations && reply.citations.length > 0) parts.push(sourceText(reply.citations));
  if (reply.prompt) parts.push(reply.prompt);
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text: parts.join('\n\n'), textFormat: 'markdown' };
  const actions = [...reply.buttons.map(button), ...(reply.dataButtons ?? []).map(dataButton)];
  if (actions.length > 0) activity.suggestedActions = { actions, to: [] };
  return activity;
}

/** The quoted sentences a reply rests on and the sections they are in. */
export function sourceText(citations: readonly Citation[]): string {
  const unique = uniqueCitations(citations);
  const sections = [...new Set(unique.map((c) => c.sectionHeading))];
  const quotes = unique.map((c) => `> ${c.quote}`).join('\n>\n');
  return `**${MESSAGES.sourceLabel}** (${MESSAGES.sections(sections)}):\n\n${quotes}`;
}

export function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => (seen.has(c.quote) ? false : (seen.add(c.quote), true)));
}

function button(text: string): CardAction {
  return { type: ActionTypes.ImBack, title: text, value: text };
}

/**
 * messageBack: the client sends `value` with no text, so a 👍 is never read as a question, and
 * shows `displayText` as what the user said.
 */
function dataButton(data: DataButton): CardAction {
  return { type: ActionTypes.MessageBack, title: data.title, displayText: data.display, value: data.value };
}
