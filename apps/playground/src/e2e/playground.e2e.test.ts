import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createListQuestionSource, type QuizQuestion } from '@mlsys/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBot, startBot } from '../start-bot.js';
import { launchChromium } from './launch-chromium.js';

/** Sends a line from the composer, as a person would. */
async function send(page: Page, line: string): Promise<void> {
  await page.fill('#line', line);
  await page.press('#line', 'Enter');
}

/**
 * A fixed question list for the quiz test, so the test knows which button is right; the bot draws
 * from the shipped corpus otherwise.
 */
const quizQuestions: QuizQuestion[] = [1, 2, 3].map((n) => ({
  id: `e2e-q${n}`,
  topic: 'attention',
  difficulty: 2,
  kind: 'single',
  prompt: `Question ${n}: pick the right answer.`,
  explanation: `Answer ${n} explained.`,
  source: 'e2e fixture',
  choices: [
    { text: `Right answer ${n}`, correct: true },
    { text: `Wrong answer ${n}`, correct: false },
  ],
}));

/** The text of the newest message that contains `needle`, once it appears. */
async function waitForMessage(page: Page, needle: string | RegExp): Promise<string> {
  const message = page.locator('#messages > li', { hasText: needle }).last();
  try {
    await message.waitFor({ timeout: 30_000 });
  } catch (error) {
    // Say what the channel showed instead, so a failure explains itself.
    const shown = await page.locator('#messages').innerText();
    throw new Error(`${String(needle)} never appeared. The channel showed:\n${shown}`, { cause: error });
  }
  return message.innerText();
}

/** Clicks the newest button with this label. */
async function click(page: Page, label: string): Promise<void> {
  await page.locator('button.action', { hasText: label }).last().click();
}

describe('playground in a browser', () => {
  let bot: RunningBot;
  let browser: Browser;
  let base: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'mlsys-e2e-'));

  beforeAll(async () => {
    bot = await startBot(
      { PORT: '0', DATA_DIR: dataDir },
      { questions: createListQuestionSource(quizQuestions) },
    );
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
    await send(page, '/kvcache llama-70b 128k');
    const reply = page.locator('#messages li .reply').last();
    await reply.waitFor();
    // Llama-3.1-70B, bf16: 2 · 80 layers · 8 KV heads · 128 · 2 B = 327,680 B/token; × 131,072 = 40 GiB
    // (shared/reference/formulas.md, "Published check").
    expect(await reply.locator('p').first().innerText()).toContain('40.0 GiB');
    expect(await reply.locator('pre code').innerText()).toContain('2 · 80 · 8 · 128 · 2 B = 327,680 B');
    expect(await reply.locator('figure.chart svg').count()).toBe(1);
    expect(await page.locator('#messages li').first().innerText()).toContain('/kvcache llama-70b 128k');
    await page.close();
  });

  it('plays a 3-round team quiz between two players and shows the right podium', async () => {
    const [ada, bob] = await Promise.all([browser.newContext(), browser.newContext()]);
    const [adaPage, bobPage] = await Promise.all([ada.newPage(), bob.newPage()]);
    for (const [page, name] of [
      [adaPage, 'Ada'],
      [bobPage, 'Bob'],
    ] as const) {
      await page.goto(base);
      await page.fill('#name', name);
      await page.dispatchEvent('#name', 'change');
    }
    await send(adaPage, '/quiz start any rounds=3 teams=2 seconds=20');
    await waitForMessage(bobPage, 'Join');
    await click(bobPage, 'Join');
    await waitForMessage(adaPage, 'Bob');
    await click(adaPage, 'Start');
    for (const round of [1, 2, 3]) {
      // Rounds come in the order the bot drew them: read which question this round asks.
      const asked = new RegExp(`Round ${round} of 3[\\s\\S]*Question (\\d): pick the right answer`);
      const n = asked.exec(await waitForMessage(adaPage, asked))![1]!;
      await waitForMessage(bobPage, asked);
      await click(adaPage, `Right answer ${n}`);
      await click(bobPage, `Wrong answer ${n}`);
      await waitForMessage(adaPage, `Answer ${n} explained.`);
    }
    const podium = await waitForMessage(bobPage, 'Quiz over');
    // Bob answered wrong every round: exactly 0. Ada answered right three times: each right answer earns
    // 500–1000 speed points, plus the streak bonus +100 and +200 on the 2nd and 3rd
    // (shared/reference/quiz-and-platforms.md, Kahoot scoring) → between 1,800 and 3,300.
    const ada1st = /🥇 Ada ([\d,]+)/.exec(podium);
    expect(ada1st).not.toBeNull();
    const adaScore = Number(ada1st![1]!.replaceAll(',', ''));
    expect(adaScore).toBeGreaterThanOrEqual(1800);
    expect(adaScore).toBeLessThanOrEqual(3300);
    expect(podium).toContain('🥈 Bob 0');
    // One player per team, so the winning team's average is Ada's score.
    expect(podium).toMatch(new RegExp(`\\w+ wins with an average of ${ada1st![1]} points per player`));
    // The score progression chart comes with the podium.
    const final = bobPage.locator('#messages > li', { hasText: 'Quiz over' }).last();
    expect(await final.locator('figure.chart svg').count()).toBe(1);
    expect(await final.locator('figcaption').innerText()).toMatch(
      /^Score after each round for Ada, Bob; Ada ends on [\d,]+\.$/,
    );
    await Promise.all([ada.close(), bob.close()]);
  }, 120_000);

  it('posts the daily question at its local time once the bot clock gets there', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    // Two hours from now in UTC, as HH:MM: not due yet, due after the clock moves three hours.
    const due = new Date(Date.now() + 2 * 3_600_000).toISOString().slice(11, 16);
    await send(page, `/daily subscribe ${due} tz=UTC days=daily`);
    await waitForMessage(page, due);
    expect(await page.locator('#messages > li', { hasText: 'how the channel did' }).count()).toBe(0);
    for (let hour = 0; hour < 3; hour++) await page.click('[data-advance="60"]');
    const post = await waitForMessage(page, 'how the channel did');
    expect(post).toContain('Daily question');
    await page.close();
  }, 60_000);
});
