import type { Request, Response } from 'restify';
import { bearerToken, sameSecret } from '../directline/tokens.js';
import { HttpError } from './HttpError.js';

/**
 * Lets a request through only with `Authorization: Bearer <key>`; otherwise a 401 with the
 * `WWW-Authenticate: Bearer` challenge (RFC 6750), whose body says no more than what was wrong.
 * The key is compared in constant time, so response timing tells nothing about how much of a
 * guess was right.
 */
export function requireBearerKey(req: Request, res: Response, key: string): void {
  const token = bearerToken(req.headers.authorization);
  if (token !== undefined && sameSecret(token, key)) return;
  req.resume(); // the body is not read: drain it so the connection can answer
  res.header('www-authenticate', 'Bearer');
  throw new HttpError(401, token === undefined ? 'missing Authorization: Bearer <key>' : 'the key is not valid');
}
