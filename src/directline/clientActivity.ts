import { z } from 'zod';
import { BadRequest } from '../http/readJsonBody.js';

/**
 * What a browser may post to the local Direct Line. Only the fields Web Chat sends and the bot
 * reads are kept; everything that names someone (from, recipient, conversation, serviceUrl) is set
 * by the server from the token, so a page cannot speak as another user or redirect the replies.
 */
const clientActivitySchema = z
  .object({
    // what Web Chat posts: typed text and suggested-action taps (message), typing, and events a page may send
    type: z.enum(['message', 'typing', 'event']),
    text: z.string().max(4000).optional(),
    textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
    locale: z.string().max(64).optional(),
    localTimestamp: z.string().max(64).optional(),
    localTimezone: z.string().max(128).optional(),
    name: z.string().max(256).optional(),
    value: z.unknown().optional(),
    attachments: z.array(z.object({ contentType: z.string().max(256) }).loose()).max(10).optional(),
    entities: z.array(z.object({ type: z.string().max(256) }).loose()).max(20).optional(),
    // Web Chat matches the echo of its own activity by channelData.clientActivityID
    channelData: z.object({ clientActivityID: z.string().max(128).optional() }).loose().optional(),
  })
  .loose();

export type ClientActivity = z.infer<typeof clientActivitySchema>;

/** The activity as posted, reduced to the accepted fields; a 400 with a one-line reason otherwise. */
export function parseClientActivity(body: unknown): ClientActivity {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequest(400, 'body must be a JSON object (one activity)');
  }
  const result = clientActivitySchema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    throw new BadRequest(400, field === 'type' ? 'activity type must be message, typing or event' : `activity ${field} is invalid`);
  }
  const { type, text, textFormat, locale, localTimestamp, localTimezone, name, value, attachments, entities, channelData } = result.data;
  return dropUndefined({ type, text, textFormat, locale, localTimestamp, localTimezone, name, value, attachments, entities, channelData });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
