import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { startTestBot } from '../helpers/testBot.js';

let bot: RunningServer;
let embeddable: RunningServer;
beforeAll(async () => {
  bot = await startTestBot();
  embeddable = await startTestBot({ ALLOWED_ORIGINS: 'https://www.example.com' });
});
afterAll(async () => {
  await bot.close();
  await embeddable.close();
});

async function headersOf(base: string, path: string, init: RequestInit = {}): Promise<Headers> {
  const response = await fetch(`${base}${path}`, init);
  await response.arrayBuffer();
  return response.headers;
}

const PAGES = ['/', '/chat'];
const SCRIPTS = ['/webchat/page.js', '/embed.js', '/webchat/4.18.1/webchat.js'];

describe('security headers', () => {
  it.each(PAGES)('the page %s: CSP with frame-ancestors, X-Frame-Options DENY, no referrer, no powerful features', async (path) => {
    const headers = await headersOf(bot.url, path);
    expect(headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('permissions-policy')).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('lets exactly ALLOWED_ORIGINS frame the page, and drops X-Frame-Options, which cannot say so', async () => {
    const headers = await headersOf(embeddable.url, '/chat');
    expect(headers.get('content-security-policy')).toMatch(/frame-ancestors https:\/\/www\.example\.com(;|$)/);
    expect(headers.get('x-frame-options')).toBeNull();
  });

  it.each([...PAGES, ...SCRIPTS, '/webchat/page.css', '/healthz', '/nope'])('%s: nosniff, no X-Powered-By, a request id', async (path) => {
    const headers = await headersOf(bot.url, path);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-powered-by')).toBeNull();
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('nosniff and JSON on refusals too, whose bodies never carry a stack', async () => {
    for (const [path, init] of [
      ['/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }],
      ['/api/directline/token', { method: 'POST', headers: { origin: 'https://evil.example.com' } }],
      ['/v3/directline/conversations', { method: 'POST' }],
      ['/api/messages', { method: 'PUT' }],
    ] as const) {
      const response = await fetch(`${bot.url}${path}`, init);
      const raw = await response.text();
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(raw).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d+|\.js:\d+/);
    }
  });

  it('CORS: only listed origins get Access-Control-Allow-Origin on the widget routes', async () => {
    const listed = await headersOf(embeddable.url, '/api/directline/token', { method: 'POST', headers: { origin: 'https://www.example.com' } });
    expect(listed.get('access-control-allow-origin')).toBe('https://www.example.com');
    const other = await fetch(`${embeddable.url}/api/directline/token`, { method: 'POST', headers: { origin: 'https://evil.example.com' } });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const embed = await headersOf(embeddable.url, '/embed.js', { headers: { origin: 'https://evil.example.com' } });
    expect(embed.get('access-control-allow-origin')).toBeNull();
    // never a wildcard, never credentials
    expect(listed.get('access-control-allow-credentials')).toBeNull();
  });
});
