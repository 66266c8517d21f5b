import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Next, Request, Response, Server } from 'restify';
import { projectRoot } from '../config.js';

interface Asset {
  readonly body: string;
  readonly type: string;
}

/** Headers for every page asset: the page loads nothing from elsewhere and runs no inline script. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/**
 * Serves the minimal local chat page (src/web) at / and /chat. It posts to /api/messages with
 * deliveryMode expectReplies, so the default setup works in a browser with no Azure account.
 * Read once at start-up: the files are small and never change while the bot runs.
 */
export function registerChatPage(server: Server): void {
  const dir = path.join(projectRoot(), 'src', 'web');
  const read = (file: string, type: string): Asset => ({ body: readFileSync(path.join(dir, file), 'utf8'), type });
  const page = read('chat.html', 'text/html; charset=utf-8');
  const routes: Record<string, Asset> = {
    '/': page,
    '/chat': page,
    '/chat.js': read('chat.js', 'text/javascript; charset=utf-8'),
    '/chat.css': read('chat.css', 'text/css; charset=utf-8'),
  };
  // browsers ask for it on every page; there is none, and a 404 would show as a console error
  server.get('/favicon.ico', (_req: Request, res: Response, next: Next) => {
    res.writeHead(204, SECURITY_HEADERS);
    res.end();
    next();
  });
  for (const [route, asset] of Object.entries(routes)) {
    server.get(route, (_req: Request, res: Response, next: Next) => {
      res.writeHead(200, { 'content-type': asset.type, ...SECURITY_HEADERS });
      res.end(asset.body);
      next();
    });
  }
}
