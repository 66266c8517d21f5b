/** The parts of a reply activity the evaluation reads. */
export interface ReplyActivity {
  readonly type?: string;
  readonly name?: string;
  readonly text?: string;
  readonly value?: unknown;
  readonly attachments?: readonly { readonly content?: unknown }[];
  readonly suggestedActions?: { readonly actions?: readonly { readonly title?: string; readonly value?: unknown }[] };
}

/**
 * Reply text as the evaluation contract defines it: the text of every message, the text inside
 * its card attachments, and its suggested actions.
 */
export function replyText(activities: readonly ReplyActivity[]): string {
  const parts: string[] = [];
  for (const activity of activities) {
    if (activity.type !== 'message') continue;
    if (activity.text) parts.push(activity.text);
    for (const attachment of activity.attachments ?? []) collectStrings(attachment.content, parts);
    for (const action of activity.suggestedActions?.actions ?? []) {
      if (action.title) parts.push(action.title);
      if (typeof action.value === 'string') parts.push(action.value);
    }
  }
  return parts.join('\n');
}

/** Case-insensitive, whitespace folded, curly quotes straightened. */
export function normalizeForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every string inside a card (Adaptive Card `text`, Hero Card title/text, button titles...). */
function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === 'string') {
    into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key !== 'type' && key !== 'version' && key !== '$schema') collectStrings(item, into);
    }
  }
}
