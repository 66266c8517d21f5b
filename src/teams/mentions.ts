import type { Activity } from 'botbuilder';
import { decodeHtmlEntities } from './htmlEntities.js';

/** The parts of an incoming activity the mention handling reads. */
export type MentionSource = Pick<Partial<Activity>, 'text' | 'entities' | 'recipient'>;

/** `<at>Name</at>`, also with attributes (`<at id="0">`); the name is captured. */
const AT_TAG = /<at\b[^>]*>([\s\S]*?)<\/at>/gi;
/** An `<at>` tag that opens the message. */
const LEADING_AT_TAG = /^\s*<at\b[^>]*>[\s\S]*?<\/at>/i;

/**
 * The message text without the bot's own @mention, ready for the answering core.
 *
 * In channels and group chats Teams puts `<at>Bot Name</at>` into the text, with a `mention`
 * entity whose `mentioned.id` is the bot's id. botbuilder's TurnContext.removeRecipientMention
 * removes only the first such mention, only when the entity's text is found verbatim, and throws
 * when `recipient` is missing; this function copes with all of that:
 * - every `<at>` tag naming the bot is removed: its name is compared with the bot's mention
 *   entities (their `<at>` text and `mentioned.name`), entities decoded and case ignored, so a tag
 *   written slightly differently from the entity (`&amp;` in the name) still matches, and an
 *   entity whose text is not in the message removes nothing by accident;
 * - other people's mentions stay as their plain names ("ask <at>Ana</at>" becomes "ask Ana"),
 *   since the name may be part of the question;
 * - with no recipient the bot cannot be told apart by id; a mention at the very start is then
 *   taken to be the bot's (a channel message reaches the bot only through its @mention, and
 *   clients put it first), and other tags become plain names;
 * - HTML entities Teams leaves in the text (`&nbsp;`, `&amp;`, ...) are decoded after the tags are
 *   handled, so a user who types "&lt;at&gt;" gets those characters, not a mention;
 * - whitespace is collapsed and trimmed: the core reads words, not layout.
 */
export function stripBotMention(activity: MentionSource): string {
  const text = typeof activity.text === 'string' ? activity.text : '';
  const botMentions = mentionsOf(activity.recipient?.id, activity.entities);
  const botNames = new Set(botMentions.flatMap((mention) => [nameKey(innerName(mention.text)), nameKey(mention.name)]).filter((key) => key !== ''));
  const hasRecipient = typeof activity.recipient?.id === 'string' && activity.recipient.id !== '';
  const unaddressed = hasRecipient ? text : text.replace(LEADING_AT_TAG, ' ');
  const withoutBot = unaddressed.replace(AT_TAG, (_tag, name: string) => (botNames.has(nameKey(name)) ? ' ' : name));
  return decodeHtmlEntities(withoutBot).replace(/\s+/g, ' ').trim();
}

interface BotMention {
  /** the entity's text, e.g. `<at>Sora Bot</at>`; '' if none */
  readonly text: string;
  /** the mentioned account's display name; '' if none */
  readonly name: string;
}

/** The mention entities that point at the bot. Entities come from the wire: every field is checked. */
function mentionsOf(botId: unknown, entities: unknown): BotMention[] {
  if (typeof botId !== 'string' || botId === '' || !Array.isArray(entities)) return [];
  const mentions: BotMention[] = [];
  for (const entity of entities as unknown[]) {
    if (!isRecord(entity) || entity.type !== 'mention' || !isRecord(entity.mentioned)) continue;
    const { id, name } = entity.mentioned;
    // ids are compared without case: the app id part is a GUID, and clients differ in its case
    if (typeof id !== 'string' || id.toLowerCase() !== botId.toLowerCase()) continue;
    mentions.push({ text: typeof entity.text === 'string' ? entity.text : '', name: typeof name === 'string' ? name : '' });
  }
  return mentions;
}

function innerName(mentionText: string): string {
  return /<at\b[^>]*>([\s\S]*?)<\/at>/i.exec(mentionText)?.[1] ?? '';
}

/** Names compare as the user sees them: entities decoded, spacing and case ignored. */
function nameKey(name: string): string {
  return decodeHtmlEntities(name).replace(/\s+/g, ' ').trim().toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
