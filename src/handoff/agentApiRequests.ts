import type { Request } from 'restify';
import { z } from 'zod';
import { HttpError } from '../http/HttpError.js';
import { BadRequest } from '../http/readJsonBody.js';
import type { Agent } from './Ticket.js';

/** Limits of what an agent tool may send, each with its reason. */
export const AGENT_API_LIMITS = Object.freeze({
  /**
   * Largest request body. A reply of 4,000 characters is 12 KB in UTF-8 at most, but a client that
   * escapes every non-ASCII character (Python's json.dumps does by default) sends 6 bytes each: 24 KB.
   */
  maxBodyBytes: 32 * 1024,
  /** An agent's id (an AAD object id is 36) and display name, as shown to the user. */
  maxAgentField: 200,
  /** One message to the user: what the local Direct Line accepts from a user, too. */
  maxText: 4000,
});

/**
 * What a ticket id can look like: the desk's are 8 Crockford base-32 characters. Anything else
 * cannot be a ticket and is answered 404 without asking storage, so odd ids (slashes, dots, a
 * kilobyte of text) never become storage keys.
 */
const TICKET_ID = /^[0-9A-Za-z]{1,32}$/;

/** The answer to an id that is not a ticket's, however it looks. */
export const NOT_FOUND = 'ticket not found';

/** The ticket id in the path, or a 404. */
export function ticketIdOf(req: Request): string {
  const id = (req.params as Readonly<Record<string, unknown>>).id;
  if (typeof id !== 'string' || !TICKET_ID.test(id)) throw new HttpError(404, NOT_FOUND);
  return id;
}

/** Trimmed text of `min`..`max` characters; the message names the field, as the agent tool's developer reads it. */
const text = (field: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is missing` : `${field} must be a string`) })
    .trim()
    .min(1, { error: `${field} must not be empty` })
    .max(max, { error: `${field} must be at most ${max} characters` });

const agentSchema = z.object(
  { id: text('agent.id', AGENT_API_LIMITS.maxAgentField), name: text('agent.name', AGENT_API_LIMITS.maxAgentField) },
  { error: (issue) => (issue.input === undefined ? 'agent is missing' : 'agent must be an object { "id", "name" }') },
);
const agentBody = z.object({ agent: agentSchema });
const replyBody = z.object({ agent: agentSchema, text: text('text', AGENT_API_LIMITS.maxText) });

/** `{ agent: { id, name } }`: who claims or resolves. */
export function parseAgentBody(body: unknown): { readonly agent: Agent } {
  return parse(agentBody, body);
}

/** `{ agent: { id, name }, text }`: an agent's message to the user. */
export function parseReplyBody(body: unknown): { readonly agent: Agent; readonly text: string } {
  return parse(replyBody, body);
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest(400, 'body must be a JSON object');
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  // the first problem only, in our words: zod's own messages list internals and whole values
  throw new BadRequest(400, result.error.issues[0]?.message ?? 'body is invalid');
}
