import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import type { RunningServer } from '../../src/server.js';
import { startTestBot } from '../helpers/testBot.js';

// Debian's Chromium (.ci/run installs it); never a browser downloaded by a test tool.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.join(projectRoot(), 'test-output');

let bot: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  bot = await startTestBot();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser.close();
  await bot.close();
});

describe('the chat page in a real browser', () => {
  it('welcomes, answers a question with its source, and follows a button', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });

    await page.goto(`${bot.url}/`);
    await expect.poll(() => page.locator('.msg--bot').count()).toBe(1);
    expect(await page.locator('.msg--bot').first().textContent()).toContain("Sora's Closure");

    await page.fill('#text', 'Which characters could Sora use?');
    await page.press('#text', 'Enter');
    await expect.poll(() => page.locator('.msg--bot').count()).toBe(2);
    const answer = page.locator('.msg--bot').nth(1);
    expect(await answer.textContent()).toContain('Mickey Mouse');
    expect(await answer.locator('blockquote').textContent()).toContain('Last December, The Walt Disney Company granted Sora permission');

    const button = page.locator('.chat__buttons button').first();
    const question = (await button.textContent()) ?? '';
    expect(question.length).toBeGreaterThan(5);
    await button.click();
    await expect.poll(() => page.locator('.msg--bot').count()).toBe(3);
    expect(await page.locator('.msg--user').last().textContent()).toBe(question);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'chat-page.png') });
    expect(problems).toEqual([]);
  });
});
