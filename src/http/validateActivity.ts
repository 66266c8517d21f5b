import { z } from 'zod';
import { BadRequest } from './readJsonBody.js';

/**
 * The reply path copies from, recipient and conversation into the bot's replies, and the connector
 * client refuses to serialize a reply whose fields have the wrong type; so their types are checked
 * here, where the caller can be told, not after the turn when the reply cannot be sent.
 */
const account = z.object({ id: z.string().max(512), name: z.string().max(512).optional(), role: z.string().max(64).optional(), aadObjectId: z.string().max(128).optional() }).loose();

/**
 * The least an activity needs for the bot to answer it safely. botbuilder itself checks only
 * `type` (and throws outside its own error handling when it is missing), so everything the bot and
 * the reply path rely on is checked here and refused with a short reason.
 */
const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(128),
    // where the bot posts its replies: http(s) only, and never with credentials in it (no channel sends
    // them; with authentication off they would be sent, in the clear, wherever a forged activity says)
    serviceUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .refine((url) => URL.canParse(url) && new URL(url).username === '' && new URL(url).password === ''),
    conversation: z
      .object({ id: z.string().min(1).max(512), isGroup: z.boolean().optional(), conversationType: z.string().max(64).optional(), tenantId: z.string().max(128).optional(), name: z.string().max(512).optional() })
      .loose(),
    from: account.optional(),
    recipient: account.optional(),
    text: z.string().optional(),
    id: z.string().max(512).optional(),
    replyToId: z.string().max(512).optional(),
    locale: z.string().max(64).optional(),
    // ActivityHandler iterates these; a string or object here would fail deep inside a turn
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
    attachments: z.array(z.object({}).loose()).max(100).optional(),
    entities: z.array(z.object({}).loose()).max(100).optional(),
    name: z.string().max(256).optional(),
  })
  .loose();

export type IncomingActivity = z.infer<typeof activitySchema>;

export function validateActivity(body: unknown): IncomingActivity {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequest(400, 'body must be a JSON object (one activity)');
  }
  const result = activitySchema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    const received = field === 'body' ? '' : describeProblem(issue?.code);
    throw new BadRequest(400, `activity ${field} ${received}`.trim());
  }
  return result.data;
}

function describeProblem(code: string | undefined): string {
  switch (code) {
    case 'invalid_type':
      return 'is missing or has the wrong type';
    case 'too_big':
      return 'is too long';
    case 'too_small':
      return 'is empty';
    default:
      return 'is invalid';
  }
}
