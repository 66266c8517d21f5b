import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { projectRoot } from '../config.js';
import { refuse } from '../http/respond.js';
import type { Logger } from '../logger.js';

const gzipAsync = promisify(gzip);

interface Pin {
  readonly version: string;
}

interface LoadedBundle {
  readonly plain: Buffer;
  readonly gzipped: Buffer;
}

/** Where src/tools/fetchWebChat.mjs puts the bundle at install time. */
const BUNDLE_DIR = path.join(projectRoot(), 'node_modules', '.cache', 'botframework-webchat');

/**
 * Serves the official Web Chat browser bundle (window.WebChat) from this server, never a CDN: the
 * page's CSP then allows scripts from 'self' only, and the bot works offline. The URL holds the
 * pinned version, so browsers may cache it for good. It is read and gzipped once, on first use
 * (3.9 MB -> ~0.9 MB), so start-up pays nothing and a missing bundle does not stop the bot.
 */
export class WebChatBundle {
  readonly version: string;
  readonly url: string;
  private loaded: Promise<LoadedBundle> | undefined;

  constructor(private readonly log: Logger) {
    this.version = (JSON.parse(readFileSync(path.join(projectRoot(), 'src', 'web', 'webchat-pin.json'), 'utf8')) as Pin).version;
    this.url = `/webchat/${this.version}/webchat.js`;
  }

  register(server: Server): void {
    server.get(this.url, async (req: Request, res: Response) => {
      let bundle: LoadedBundle;
      try {
        bundle = await this.load();
      } catch (error) {
        this.log.error({ err: error }, 'Web Chat bundle missing: run npm run webchat:fetch');
        this.loaded = undefined; // try again on the next request, e.g. after npm run webchat:fetch
        refuse(res, 503, 'the Web Chat bundle is not installed on the server');
        return;
      }
      const gzipped = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const body = gzipped ? bundle.gzipped : bundle.plain;
      res.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'content-length': String(body.length),
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        vary: 'accept-encoding',
        ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(body);
    });
    // the bundle's first line points to its licence notices, next to it
    server.get(`/webchat/${this.version}/webchat.js.LICENSE.txt`, async (_req: Request, res: Response) => {
      try {
        const text = await readFile(path.join(BUNDLE_DIR, 'webchat.js.LICENSE.txt'));
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
        res.end(text);
      } catch {
        refuse(res, 404, 'licence file not installed');
      }
    });
  }

  private load(): Promise<LoadedBundle> {
    this.loaded ??= readFile(path.join(BUNDLE_DIR, 'webchat.js')).then(async (plain) => ({ plain, gzipped: await gzipAsync(plain) }));
    return this.loaded;
  }
}
