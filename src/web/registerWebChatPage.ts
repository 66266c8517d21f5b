import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Next, Request, Response, Server } from 'restify';
import { projectRoot } from '../config.js';
import { pageContentSecurityPolicy } from './contentSecurityPolicy.js';
import { PAGE_TEXT, type PageText } from './pageText.js';
import { TOKEN_ROUTE } from './tokenRoute.js';

export interface WebChatPageSettings {
  readonly bundleUrl: string;
  readonly connectSources: readonly string[];
  readonly frameAncestors: readonly string[];
}

const BASE_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // the chat needs no camera, microphone, location, payment or device access; nor may anything it loads ask
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=()',
  // a window the page opens cannot reach back into it
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * The chat page at / and /chat (the embed's panel shows /chat) and its own script and stylesheet.
 * The HTML is filled in per request: the CSP nonce for Web Chat's styles changes every time.
 * The files are read once at start-up: they are small and do not change while the bot runs.
 */
export function registerWebChatPage(server: Server, settings: WebChatPageSettings): void {
  const dir = path.join(projectRoot(), 'src', 'web');
  const read = (file: string): string => readFileSync(path.join(dir, file), 'utf8');
  const template = read('page.html');
  const assets: Record<string, { readonly body: string; readonly type: string }> = {
    '/webchat/page.js': { body: read('page.js'), type: 'text/javascript; charset=utf-8' },
    '/webchat/page.css': { body: read('page.css'), type: 'text/css; charset=utf-8' },
  };

  const page = (_req: Request, res: Response, next: Next): void => {
    const nonce = randomBytes(16).toString('base64');
    res.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': pageContentSecurityPolicy({ nonce, ...settings }),
      // for browsers without CSP frame-ancestors; X-Frame-Options cannot list origins, so only the no-embedding case
      ...(settings.frameAncestors.length === 0 ? { 'x-frame-options': 'DENY' } : {}),
      // a nonce must not be reused from a cache
      'cache-control': 'no-store',
    });
    res.end(renderPage(template, PAGE_TEXT, { nonce, bundleUrl: settings.bundleUrl }));
    next();
  };
  server.get('/', page);
  server.get('/chat', page);

  for (const [route, asset] of Object.entries(assets)) {
    server.get(route, (_req: Request, res: Response, next: Next) => {
      res.writeHead(200, { ...BASE_HEADERS, 'content-type': asset.type, 'cache-control': 'no-cache' });
      res.end(asset.body);
      next();
    });
  }
  // browsers ask for it on every page; there is none, and a 404 would show as a console error
  server.get('/favicon.ico', (_req: Request, res: Response, next: Next) => {
    res.writeHead(204, BASE_HEADERS);
    res.end();
    next();
  });
}

/** The page with its texts (HTML-escaped) and the settings page.js reads (JSON, safe inside <script>). */
function renderPage(template: string, text: PageText, values: { readonly nonce: string; readonly bundleUrl: string }): string {
  const config = {
    nonce: values.nonce,
    tokenUrl: TOKEN_ROUTE,
    text: { placeholder: text.placeholder, unavailable: text.unavailable },
  };
  const fields: Readonly<Record<string, string>> = {
    ...text,
    bundleUrl: values.bundleUrl,
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
    if (name === 'config') return JSON.stringify(config).replace(/</g, '\\u003c');
    const value = fields[name];
    if (value === undefined) throw new Error(`page.html uses {{${name}}}, which has no value`);
    return escapeHtml(value);
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
