import type { IncomingMessage } from 'node:http';
import type { Next, Request, Response } from 'restify';
import type { Logger } from '../logger.js';
import { requestIdOf } from './requestId.js';

/** Each request's child logger; a WeakMap, so it goes away with the request. */
const logs = new WeakMap<IncomingMessage, Logger>();

/**
 * A restify `pre` handler giving every request an id: echoed in the `x-request-id` response header
 * (a user's report or a proxy's log can quote it) and carried by every log line of that request,
 * including the bot's turn (see src/bot/turnLog.ts).
 */
export function assignRequestIds(log: Logger): (req: Request, res: Response, next: Next) => void {
  return (req, res, next) => {
    const requestId = requestIdOf(req);
    res.header('x-request-id', requestId);
    logs.set(req, log.child({ requestId }));
    next();
  };
}

/** The request's logger with its id, or `fallback` for a request that did not pass assignRequestIds. */
export function requestLog(req: IncomingMessage, fallback: Logger): Logger {
  return logs.get(req) ?? fallback;
}
