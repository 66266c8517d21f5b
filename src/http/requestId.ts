import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * What a caller's own id may look like to be reused: short, and only characters that cannot break
 * a log line or a header (a proxy's or Azure's ids are UUIDs or similar).
 */
const SANE_ID = /^[\w.:@-]{1,128}$/;

/** The request's id: the caller's `x-request-id` when it is sane, else a new random one. */
export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && SANE_ID.test(header) ? header : randomUUID();
}
