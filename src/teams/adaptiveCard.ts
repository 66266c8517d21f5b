import { CardFactory, type Attachment } from 'botbuilder';
import { MESSAGES } from '../messages.js';
import type { DataButton, FeedbackValue } from '../../dialogs/feedback.js';
import type { ReplyModel } from '../../dialogs/replies.js';
import type { Citation } from '../answering/types.js';

/** Teams renders Adaptive Cards up to 1.5; a card declaring a newer version shows as "unsupported". */
export const ADAPTIVE_CARD_VERSION = '1.5';
const SCHEMA_URL = 'http://adaptivecards.io/schemas/adaptive-card.json';

/**
 * Teams' host config shows at most this many actions in one row; more are cut off (older clients)
 * or folded into a "..." menu the user may never open. Above it the buttons go into the body as
 * several ActionSets of this size, so every button stays visible and in order.
 */
export const MAX_ACTIONS_PER_ROW = 6;

interface TextRun {
  readonly type: 'TextRun';
  readonly text: string;
  readonly italic?: boolean;
  readonly isSubtle?: boolean;
  readonly size?: 'Small';
}
interface RichTextBlock {
  readonly type: 'RichTextBlock';
  readonly inlines: readonly TextRun[];
  readonly spacing?: 'None' | 'Small' | 'Medium';
}
interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly weight?: 'Bolder';
  readonly size?: 'Small';
}
interface Container {
  readonly type: 'Container';
  readonly style: 'emphasis';
  readonly spacing: 'Medium';
  readonly items: readonly CardElement[];
}
export interface ImBackAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: { readonly msteams: { readonly type: 'imBack'; readonly value: string } };
}
/** A button that submits data (feedback): Teams sends it as a message with this `value` and no text. */
export interface DataAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: FeedbackValue;
}
interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly (ImBackAction | DataAction)[];
}
type CardElement = TextBlock | RichTextBlock | Container | ActionSet;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: string;
  readonly body: readonly CardElement[];
  readonly actions?: readonly ImBackAction[];
}

/**
 * The reply as one Adaptive Card for Teams: the answer, the article sentences it rests on with
 * their section, the prompt, then the follow-up buttons. A tap on a button posts its label into
 * the chat as if the user had typed it (imBack through Action.Submit's msteams data), so it works
 * in channels and group chats too, where Teams shows no suggested actions.
 */
export function toAdaptiveCard(reply: ReplyModel): Attachment {
  return CardFactory.adaptiveCard(buildCard(reply));
}

export function buildCard(reply: ReplyModel): AdaptiveCard {
  // the answer is meant as markdown (bold, lists), so it goes in a TextBlock, where Teams renders it
  const body: CardElement[] = [{ type: 'TextBlock', text: reply.text, wrap: true }];
  const citations = reply.citations ?? [];
  if (citations.length > 0) body.push(sources(citations));
  if (reply.prompt !== undefined && reply.prompt.trim() !== '') body.push(literal([{ type: 'TextRun', text: reply.prompt }]));

  // feedback sits right under the answer it is about, before the follow-up questions
  const data = reply.dataButtons ?? [];
  for (let start = 0; start < data.length; start += MAX_ACTIONS_PER_ROW) {
    body.push({ type: 'ActionSet', actions: data.slice(start, start + MAX_ACTIONS_PER_ROW).map(dataAction) });
  }

  const actions = reply.buttons.map(imBack);
  if (actions.length <= MAX_ACTIONS_PER_ROW) {
    return { ...card(body), ...(actions.length > 0 ? { actions } : {}) };
  }
  for (let start = 0; start < actions.length; start += MAX_ACTIONS_PER_ROW) {
    body.push({ type: 'ActionSet', actions: actions.slice(start, start + MAX_ACTIONS_PER_ROW) });
  }
  return card(body);
}

function card(body: readonly CardElement[]): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: SCHEMA_URL, version: ADAPTIVE_CARD_VERSION, body };
}

/**
 * The quoted sentences, each in italics, with its section heading in subtle text after the last
 * quote of that section. Quotes and headings are article text, not markdown: they go in TextRuns,
 * which Adaptive Cards never parse as markdown, so a "*" or "_" in a sentence shows as written
 * instead of turning the rest of the line italic.
 */
function sources(citations: readonly Citation[]): Container {
  const items: CardElement[] = [{ type: 'TextBlock', text: MESSAGES.sourceLabel, wrap: true, weight: 'Bolder', size: 'Small' }];
  citations.forEach((citation, i) => {
    items.push(literal([{ type: 'TextRun', text: `“${citation.quote}”`, italic: true }]));
    if (citations[i + 1]?.sectionId !== citation.sectionId) {
      items.push(literal([{ type: 'TextRun', text: citation.sectionHeading, isSubtle: true, size: 'Small' }], 'None'));
    }
  });
  return { type: 'Container', style: 'emphasis', spacing: 'Medium', items };
}

function literal(inlines: readonly TextRun[], spacing?: RichTextBlock['spacing']): RichTextBlock {
  return spacing === undefined ? { type: 'RichTextBlock', inlines } : { type: 'RichTextBlock', inlines, spacing };
}

function imBack(label: string): ImBackAction {
  return { type: 'Action.Submit', title: label, data: { msteams: { type: 'imBack', value: label } } };
}

function dataAction(button: DataButton): DataAction {
  return { type: 'Action.Submit', title: button.title, data: button.value };
}
