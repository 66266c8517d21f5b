import type { Response } from 'restify';
import type { Logger } from '../logger.js';
import { BadRequest } from './readJsonBody.js';
import { HttpError } from './HttpError.js';

/** `{"error": "<reason>"}`: the one shape every refusal has, never a stack trace. */
export function refuse(res: Response, status: number, reason: string): void {
  res.send(status, { error: reason });
}

/**
 * Runs a route and turns its known refusals into 4xx/5xx with their reason. Anything else is a bug:
 * logged with its stack, answered with a bare "internal error".
 */
export async function respond(res: Response, log: Logger, route: () => Promise<void>): Promise<void> {
  try {
    await route();
  } catch (error) {
    if (error instanceof BadRequest || error instanceof HttpError) {
      refuse(res, error.status, error.message);
      return;
    }
    log.error({ err: error }, 'route failed');
    if (!res.headersSent) refuse(res, 500, 'internal error');
  }
}
