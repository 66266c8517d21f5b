import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Next, Request, Response, Server } from 'restify';
import { projectRoot } from '../config.js';
import type { OriginPolicy } from './OriginPolicy.js';
import { PAGE_TEXT } from './pageText.js';

export const EMBED_ROUTE = '/embed.js';

/**
 * GET /embed.js, the script other websites include to get the floating chat button. Any page may
 * load it (a <script> tag needs no CORS); whether the panel then shows the chat is decided by the
 * chat page's frame-ancestors, which lists exactly ALLOWED_ORIGINS.
 */
export function registerEmbedScript(server: Server, origins: OriginPolicy): void {
  const source = readFileSync(path.join(projectRoot(), 'src', 'web', 'embed.js'), 'utf8');
  const text = { open: PAGE_TEXT.embedOpen, close: PAGE_TEXT.embedClose, frameTitle: PAGE_TEXT.embedFrameTitle };
  const marker = /\/\* TEXT \*\/ \{[^}]*\}/;
  if (!marker.test(source)) throw new Error('src/web/embed.js lost its /* TEXT */ marker');
  const body = source.replace(marker, JSON.stringify(text).replace(/</g, '\\u003c'));

  server.get(EMBED_ROUTE, (req: Request, res: Response, next: Next) => {
    origins.decorate(req, res);
    res.writeHead(200, {
      'content-type': 'text/javascript; charset=utf-8',
      'x-content-type-options': 'nosniff',
      // host pages that isolate themselves (COEP) may still load it
      'cross-origin-resource-policy': 'cross-origin',
      // short: a new version of the script reaches every site within minutes
      'cache-control': 'public, max-age=300',
    });
    res.end(body);
    next();
  });
}
