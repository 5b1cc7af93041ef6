import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../start-bot.js';
import { launchChromium } from './launch-chromium.js';

/** Sends a line from the composer, as a person would. */
async function send(page: Page, line: string): Promise<void> {
  await page.fill('#line', line);
  await page.press('#line', 'Enter');
}

describe('playground in a browser', () => {
  let bot: RunningBot;
  let browser: Browser;
  let base: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'mlsys-e2e-'));

  beforeAll(async () => {
    bot = await startBot({ PORT: '0', DATA_DIR: dataDir });
    base = `http://127.0.0.1:${bot.port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs a calculator and shows the number, the work and the chart', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await send(page, '/chinchilla params=70b');
    const reply = page.locator('#messages li .reply').last();
    await reply.waitFor();
    await expect.poll(() => reply.innerText()).toContain('70.0B parameters');
    expect(await reply.locator('pre code').count()).toBeGreaterThan(0);
    expect(await page.locator('#messages li').first().innerText()).toContain('/chinchilla params=70b');
    await page.close();
  });
});
