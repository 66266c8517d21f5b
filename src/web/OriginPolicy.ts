import type { Next, Request, Response, Server } from 'restify';
import { refuse } from '../http/respond.js';

/** How long a browser may cache a preflight answer: the allowed origins change only with a restart. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Which web pages may call the chat's endpoints from their own scripts: the bot's own pages, and
 * the origins listed in ALLOWED_ORIGINS, which get CORS headers. A page on any other origin is
 * refused before anything is done for it, so no other site can open conversations (or spend the
 * Direct Line quota) through its visitors' browsers. Requests without an Origin header (curl, a
 * server, a same-origin GET) are not from a foreign page and pass.
 */
export class OriginPolicy {
  constructor(readonly allowedOrigins: readonly string[]) {}

  /**
   * Adds the CORS headers for a listed origin. False when the request comes from a page on an
   * origin that is neither this server's nor listed.
   */
  admit(req: Request, res: Response): boolean {
    res.header('vary', 'Origin');
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    if (this.allowedOrigins.includes(origin)) {
      res.header('access-control-allow-origin', origin);
      return true;
    }
    return isSameOrigin(origin, req.headers.host);
  }

  /** Like admit, for a route that may be read from anywhere (the embed script): CORS headers for listed origins, never a refusal. */
  decorate(req: Request, res: Response): void {
    this.admit(req, res);
  }

  /** Answers the browser's CORS preflight for `route`: 204 for a listed origin, 403 for any other. */
  registerPreflight(server: Server, route: string, methods: readonly string[]): void {
    server.opts(route, (req: Request, res: Response, next: Next) => {
      const origin = req.headers.origin;
      if (origin === undefined || !this.allowedOrigins.includes(origin)) {
        refuse(res, 403, 'this origin may not use the chat; add it to ALLOWED_ORIGINS');
        next();
        return;
      }
      res.header('vary', 'Origin');
      res.header('access-control-allow-origin', origin);
      res.header('access-control-allow-methods', [...methods, 'OPTIONS'].join(', '));
      res.header('access-control-allow-headers', 'authorization, content-type');
      res.header('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
      res.send(204);
      next();
    });
  }
}

/** Browsers send Origin on same-origin POSTs too; the Host header tells this server's own pages apart. */
function isSameOrigin(origin: string, host: string | undefined): boolean {
  return host !== undefined && URL.canParse(origin) && new URL(origin).host === host.toLowerCase();
}
