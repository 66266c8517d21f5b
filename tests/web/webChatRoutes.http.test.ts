import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { bearer, call, startConversation } from '../helpers/directLineClient.js';
import { startTestBot } from '../helpers/testBot.js';

const SHOP = 'https://shop.example.com';
const BLOG = 'http://localhost:8080';
const STRANGER = 'https://evil.example.net';

let bot: RunningServer;
let plain: RunningServer;

beforeAll(async () => {
  bot = await startTestBot({ ALLOWED_ORIGINS: `${SHOP},${BLOG}` });
  plain = await startTestBot();
});
afterAll(async () => {
  await bot.close();
  await plain.close();
});

function directives(csp: string | null): Map<string, string> {
  return new Map((csp ?? '').split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values.join(' ')];
  }));
}

/** The JSON settings block page.js reads. */
function pageConfig(html: string): { nonce: string; tokenUrl: string } {
  const match = /<script type="application\/json" id="webchat-config">(.*?)<\/script>/s.exec(html);
  if (!match?.[1]) throw new Error('no config block in the page');
  return JSON.parse(match[1]) as { nonce: string; tokenUrl: string };
}

/** GET with headers fetch would not let us set or would decode for us (Accept-Encoding). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the Web Chat page', () => {
  it.each(['/', '/chat'])('serves %s with Web Chat, the article title and a strict CSP', async (route) => {
    const page = await call(`${plain.url}${route}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.raw).toContain('<h1 class="masthead__title">Sora&#39;s Closure</h1>');
    expect(page.raw).toMatch(/<script src="\/webchat\/4\.18\.1\/webchat\.js" defer><\/script>/);
    expect(page.raw).toContain('<script src="/webchat/page.js" defer></script>');
    // no inline script: every <script> is either external or a JSON data block
    expect(page.raw.match(/<script(?![^>]*(src=|type="application\/json"))/g)).toBeNull();

    const csp = directives(page.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe(`'self' 'nonce-${pageConfig(page.raw).nonce}' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='`);
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('uses a new nonce for every response', async () => {
    const first = pageConfig((await call(`${plain.url}/`)).raw).nonce;
    const second = pageConfig((await call(`${plain.url}/`)).raw).nonce;
    expect(first).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second).not.toBe(first);
  });

  it('may be framed by exactly the allowed origins', async () => {
    const page = await call(`${bot.url}/chat`);
    expect(directives(page.headers.get('content-security-policy')).get('frame-ancestors')).toBe(`${SHOP} ${BLOG}`);
  });

  it.each([
    ['/webchat/page.js', 'text/javascript; charset=utf-8', 'window.WebChat.renderWebChat'],
    ['/webchat/page.css', 'text/css; charset=utf-8', '.masthead'],
    ['/webchat/4.18.1/webchat.js.LICENSE.txt', 'text/plain; charset=utf-8', 'MIT'],
  ])('serves %s', async (route, type, content) => {
    const asset = await call(`${plain.url}${route}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe(type);
    expect(asset.raw).toContain(content);
  });

  it('serves the pinned Web Chat bundle, gzipped when asked, cacheable for good', async () => {
    const zipped = await rawGet(`${plain.url}/webchat/4.18.1/webchat.js`, { 'accept-encoding': 'gzip, deflate' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const bundle = gunzipSync(zipped.body);
    expect(bundle.length).toBeGreaterThan(3_000_000);
    expect(zipped.body.length).toBeLessThan(bundle.length / 3);
    expect(bundle.subarray(0, 200).toString()).toContain('webchat.js.LICENSE.txt');

    const identity = await rawGet(`${plain.url}/webchat/4.18.1/webchat.js`, {});
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.equals(bundle)).toBe(true);
  });

  it('keeps the health probe', async () => {
    const health = await call(`${plain.url}/healthz`);
    expect(health.body).toEqual({ status: 'ok' });
  });
});

describe('the embed script', () => {
  it('is JavaScript with the texts written in and opens /chat of its own server', async () => {
    const script = await call(`${plain.url}/embed.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(script.raw).toContain('var TEXT = {"open":"Ask about the article","close":"Close the chat"');
    expect(script.raw).toContain("new URL('/chat', script.src)");
  });

  it('carries CORS headers for allowed origins only', async () => {
    const allowed = await call(`${bot.url}/embed.js`, { headers: { origin: SHOP } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
    const other = await call(`${bot.url}/embed.js`, { headers: { origin: STRANGER } });
    // a <script> tag needs no CORS, so the script still loads; it just is not readable by the stranger's scripts
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS on the token and Direct Line endpoints', () => {
  it('lets an allowed origin get a token and read the answer', async () => {
    const result = await call(`${bot.url}/api/directline/token`, { method: 'POST', headers: { origin: BLOG } });
    expect(result.status).toBe(200);
    expect(result.headers.get('access-control-allow-origin')).toBe(BLOG);
    expect(result.headers.get('vary')).toContain('Origin');
  });

  it("lets the bot's own pages in without CORS headers", async () => {
    const result = await call(`${bot.url}/api/directline/token`, { method: 'POST', headers: { origin: bot.url } });
    expect(result.status).toBe(200);
    expect(result.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a page on any other origin before opening a conversation', async () => {
    const result = await call(`${bot.url}/api/directline/token`, { method: 'POST', headers: { origin: STRANGER } });
    expect(result.status).toBe(403);
    expect(result.body).toEqual({ error: 'this origin may not use the chat; add it to ALLOWED_ORIGINS' });
    expect(result.headers.get('access-control-allow-origin')).toBeNull();
    // and with no list at all, every foreign page is refused
    expect((await call(`${plain.url}/api/directline/token`, { method: 'POST', headers: { origin: SHOP } })).status).toBe(403);
  });

  it('answers preflights for allowed origins only', async () => {
    const ok = await call(`${bot.url}/v3/directline/conversations/abc/activities`, {
      method: 'OPTIONS',
      headers: { origin: SHOP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(ok.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(ok.headers.get('access-control-allow-headers')).toBe('authorization, content-type');

    const refused = await call(`${bot.url}/api/directline/token`, { method: 'OPTIONS', headers: { origin: STRANGER, 'access-control-request-method': 'POST' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('covers the Direct Line calls too', async () => {
    const session = await startConversation(bot.url);
    const path = `${bot.url}/v3/directline/conversations/${session.conversationId}/activities`;
    const allowed = await call(path, { headers: { ...bearer(session.token), origin: SHOP } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
    const stranger = await call(path, { headers: { ...bearer(session.token), origin: STRANGER } });
    expect(stranger.status).toBe(403);
    expect(stranger.raw).not.toContain('activities');
  });
});
