import type { Request, Response, Server } from 'restify';
import { refuse, respond } from '../http/respond.js';
import type { Logger } from '../logger.js';
import type { OriginPolicy } from './OriginPolicy.js';
import type { TokenSource } from './TokenSource.js';

export const TOKEN_ROUTE = '/api/directline/token';

/**
 * POST /api/directline/token: how a page gets its first Direct Line token, from the local Direct
 * Line or from Azure's (DIRECT_LINE_SECRET). Takes no body; never cached; pages on origins other
 * than this server's and ALLOWED_ORIGINS are refused.
 */
export function registerTokenRoute(server: Server, tokens: TokenSource, origins: OriginPolicy, log: Logger): void {
  server.post(TOKEN_ROUTE, async (req: Request, res: Response) => {
    req.resume(); // a body, if any, is not read: drain it so the connection can answer
    if (!origins.admit(req, res)) {
      refuse(res, 403, 'this origin may not use the chat; add it to ALLOWED_ORIGINS');
      return;
    }
    res.header('cache-control', 'no-store');
    await respond(res, log, async () => {
      res.send(200, await tokens.issue());
    });
  });
  origins.registerPreflight(server, TOKEN_ROUTE, ['POST']);
}
