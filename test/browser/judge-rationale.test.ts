/// <reference lib="dom" />
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { rebuildReports } from '../../src/report/rebuild.js';
import { useTempDirs } from '../run/temp-dirs.js';
import { GENERATOR, JUDGE, JUDGE_RATIONALE, runAgainst, scriptJudgedRun } from '../scoring/judged-run.js';
import type { FakeBedrock } from '../support/fake-bedrock.js';
import { useFakeBedrock } from '../support/use-fake-bedrock.js';
import { launchChromium } from './chromium.js';

const newTempDir = useTempDirs('gb-rationale-page-');
let fake: FakeBedrock;
useFakeBedrock((started) => {
  fake = started;
});
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
});

describe('the "Judge rationale" panel of a judged run (fake Bedrock, real SDK)', () => {
  it("shows the judge's own words, as text, in a case's drill-down", async () => {
    scriptJudgedRun(fake);
    const plan = await runAgainst(fake, await newTempDir(), {
      model: [GENERATOR],
      variant: ['none'],
      limit: 1,
      judge: JUDGE,
    });
    await rebuildReports(plan.runDir);
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(plan.runDir, 'index.html')).href);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.locator('#cases tbody tr.case-row').first().click();
    await page.waitForSelector('#case-detail:not([hidden])');
    const headings = await page.$$eval('#case-detail h4', (nodes) => nodes.map((n) => n.textContent));
    expect(headings).toContain('Judge rationale');
    const panel = await page.$$eval('#case-detail pre', (nodes) => nodes.map((n) => n.textContent));
    expect(panel).toContain(JUDGE_RATIONALE);
  });
});
