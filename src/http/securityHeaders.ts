import type { Next, Request, Response } from 'restify';

/**
 * Headers every response gets, JSON and errors included: browsers must not guess a type other than
 * the one declared (a JSON error echoing input must never run as a script or page). Pages add
 * their own policy on top (src/web/registerWebChatPage.ts).
 */
export function secureByDefault(_req: Request, res: Response, next: Next): void {
  res.header('x-content-type-options', 'nosniff');
  next();
}
