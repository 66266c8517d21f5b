import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import type { RunningServer } from '../../src/server.js';
import { agentCall, API_KEY } from '../helpers/agentApi.js';
import { startTestBot } from '../helpers/testBot.js';

// Debian's Chromium (.ci/run installs it); never a browser downloaded by a test tool.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.join(projectRoot(), 'test-output');
/** Web Chat polls the local Direct Line once a second; a generous bound on waiting, not a timing assertion. */
const WAIT = { timeout: 20_000, interval: 100 };

let bot: RunningServer;
let browser: Browser;
/**
 * A website that embeds the chat, on loopback like the bot (Chromium lets a plain-http page load
 * scripts from loopback only when the page is on loopback too). Two origins: 127.0.0.1:<port> is
 * in ALLOWED_ORIGINS, localhost:<port> is not.
 */
let website: Server;
let shop: string;
let otherSite: string;

function startWebsite(): Promise<number> {
  website = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><title>Shop</title></head><body><h1>Our shop</h1><script src="${bot.url}/embed.js" async></script></body></html>`);
  });
  return new Promise((resolve) => {
    website.listen(0, '127.0.0.1', () => {
      resolve((website.address() as AddressInfo).port);
    });
  });
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  // the website's port must be known before the bot starts (ALLOWED_ORIGINS), the bot's URL before the website serves
  const port = await startWebsite();
  shop = `http://127.0.0.1:${port}`;
  otherSite = `http://localhost:${port}`;
  bot = await startTestBot({ ALLOWED_ORIGINS: shop, HANDOFF_API_KEY: API_KEY });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser.close();
  await bot.close();
  await new Promise((resolve) => website.close(resolve));
});

/** Console errors, uncaught exceptions and CSP violations of a page: each one fails the test. */
async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('reportCspViolation', (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
    document.addEventListener('securitypolicyviolation', (event) => {
      report(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return problems;
}

const botBubbles = (scope: Page | ReturnType<Page['frameLocator']>): Locator => scope.locator('.webchat__bubble:not(.webchat__bubble--from-user)');
const userBubbles = (scope: Page | ReturnType<Page['frameLocator']>): Locator => scope.locator('.webchat__bubble--from-user');

/** Web Chat shows "Connecting…" until its Direct Line reports online, a moment after the first activity may already show. */
async function connected(scope: Page | ReturnType<Page['frameLocator']>): Promise<void> {
  await expect.poll(() => scope.locator('.webchat__connectivityStatus', { hasText: 'Connecting' }).count(), WAIT).toBe(0);
}

/**
 * Once connected, the transcript follows the conversation: scrolled (with an animation) to the
 * latest message; then the page is photographed into test-output/.
 */
async function settledScreenshot(page: Page, file: string): Promise<void> {
  await connected(page);
  const scrollable = page.locator('.webchat__basic-transcript__scrollable');
  await expect
    .poll(() => scrollable.evaluate((element) => element.scrollHeight - element.clientHeight - element.scrollTop), WAIT)
    .toBeLessThanOrEqual(1);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, file) });
}

describe('the Web Chat page in a real browser', () => {
  it('welcomes, answers with the quoted source, and answers a tapped follow-up', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems = await watchProblems(page);

    await page.goto(`${bot.url}/`);
    expect(await page.locator('h1').textContent()).toBe("Sora's Closure");
    expect(await page.locator('.masthead__promise').textContent()).toContain('Answers come only from the article');

    await expect.poll(() => botBubbles(page).count(), WAIT).toBe(1);
    expect(await botBubbles(page).first().textContent()).toContain('I answer questions about the article');
    await expect.poll(() => page.locator('button.webchat__suggested-action').count(), WAIT).toBeGreaterThanOrEqual(3);

    const input = page.locator('[data-id="webchat-sendbox-input"]');
    expect(await input.getAttribute('placeholder')).toBe('Ask a question about the article');
    await input.fill('How much money did Sora make?');
    await input.press('Enter');
    await expect.poll(() => botBubbles(page).count(), WAIT).toBe(2);
    const answer = botBubbles(page).nth(1);
    expect(await answer.textContent()).toContain('$1.4 million');
    expect(await answer.locator('blockquote').textContent()).toContain('According to Sensor Tower, Sora generated only $1.4 million in in-app revenue');
    expect(await userBubbles(page).first().textContent()).toContain('How much money did Sora make?');

    const followUp = page.locator('button.webchat__suggested-action', { hasText: 'How much revenue did ChatGPT earn?' });
    await followUp.waitFor(WAIT);
    await followUp.click();
    await expect.poll(() => botBubbles(page).count(), WAIT).toBe(3);
    expect(await userBubbles(page).last().textContent()).toContain('How much revenue did ChatGPT earn?');
    expect(await botBubbles(page).nth(2).textContent()).toContain('$1.9 billion');
    // the follow-ups of the latest answer are on show
    await expect.poll(() => page.locator('button.webchat__suggested-action').count(), WAIT).toBeGreaterThanOrEqual(1);

    await settledScreenshot(page, 'webchat-page.png');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('hands the visitor to a person: the agent\'s messages show in the chat, then the bot is back', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems = await watchProblems(page);
    await page.goto(`${bot.url}/`);
    await expect.poll(() => botBubbles(page).count(), WAIT).toBe(1);
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('Can I talk to a person?');
    await input.press('Enter');
    await expect.poll(() => botBubbles(page).count(), WAIT).toBe(2);
    expect(await botBubbles(page).nth(1).textContent()).toContain('connect you with a person');

    // a support agent's tool takes the ticket through the agent API and writes to the visitor
    const { tickets } = (await agentCall(bot.url, 'GET', '/api/agent/tickets')).body as { tickets: { id: string; question: string }[] };
    const ticketId = tickets.at(-1)?.id ?? '';
    const agent = { id: 'carla@example.com', name: 'Carla' };
    expect((await agentCall(bot.url, 'POST', `/api/agent/tickets/${ticketId}/claim`, { agent })).status).toBe(200);
    expect((await agentCall(bot.url, 'POST', `/api/agent/tickets/${ticketId}/reply`, { agent, text: 'Hi, I can help with that.' })).status).toBe(200);
    await expect.poll(() => botBubbles(page).count(), WAIT).toBe(4);
    expect(await botBubbles(page).nth(2).textContent()).toContain('Carla from our support team has joined');
    const reply = botBubbles(page).nth(3);
    expect(await reply.locator('strong').textContent()).toBe('Carla (support):');
    expect(await reply.textContent()).toContain('Hi, I can help with that.');

    // the visitor's answer goes to the agent, not the bot: no bot bubble comes back
    await input.fill('Thanks!');
    await input.press('Enter');
    await expect.poll(async () => (await agentCall(bot.url, 'GET', `/api/agent/tickets/${ticketId}`)).raw, WAIT).toContain('Thanks!');
    expect(await botBubbles(page).count()).toBe(4);

    expect((await agentCall(bot.url, 'POST', `/api/agent/tickets/${ticketId}/resolve`, { agent })).status).toBe(200);
    await expect.poll(() => botBubbles(page).count(), WAIT).toBe(5);
    expect(await botBubbles(page).nth(4).textContent()).toContain('The support conversation has ended');
    await settledScreenshot(page, 'webchat-handoff.png');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says the chat is unavailable when the server gives no token', async () => {
    const page = await browser.newPage();
    await page.route('**/api/directline/token', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"not configured"}' }));
    await page.goto(`${bot.url}/chat`);
    const status = page.locator('#chat-status');
    await expect.poll(() => status.textContent(), WAIT).toBe('The chat is not available right now. Please try again later.');
    expect(await status.isVisible()).toBe(true);
    expect(await botBubbles(page).count()).toBe(0);
    await page.close();
  });

  it('fits a phone screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    const problems = await watchProblems(page);
    await page.goto(`${bot.url}/`);
    await expect.poll(() => botBubbles(page).count(), WAIT).toBe(1);
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    expect(await input.isVisible()).toBe(true);
    await connected(page);
    // nothing wider than the screen: no sideways scrolling
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'webchat-phone.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the chat in a floating panel from the one-line embed on an allowed website', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const problems = await watchProblems(page);
    await page.goto(`${shop}/`);
    const button = page.locator('button[data-sora-chat="button"]');
    await button.waitFor(WAIT);
    expect(await button.textContent()).toBe('Ask about the article');
    expect(await page.locator('iframe').count()).toBe(0);

    await button.click();
    const frame = page.frameLocator('div[data-sora-chat="panel"] iframe');
    await expect.poll(() => botBubbles(frame).count(), WAIT).toBe(1);
    expect(await botBubbles(frame).first().textContent()).toContain('I answer questions about the article');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await connected(frame);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'webchat-embed.png') });

    await button.click();
    expect(await page.locator('div[data-sora-chat="panel"]').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('does not show the chat inside a website that is not in ALLOWED_ORIGINS', async () => {
    const page = await browser.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${otherSite}/`);
    await page.locator('button[data-sora-chat="button"]').click();
    // Chromium refuses to render the framed page (frame-ancestors) and says so on the console
    await expect.poll(() => problems.some((p) => p.includes('frame-ancestors')), WAIT).toBe(true);
    expect(await botBubbles(page.frameLocator('iframe')).count()).toBe(0);
    await page.close();
  });
});
