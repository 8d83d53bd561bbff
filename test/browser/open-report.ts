/// <reference lib="dom" />
/** Write a run's reports into a temporary folder and open its index.html in headless Chromium. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { Summary } from '../../src/analysis/types.js';
import { writeReports } from '../../src/report/write.js';
import type { CaseRecord, RunManifest } from '../../src/run/types.js';
import { launchChromium } from './chromium.js';

/** An open report page, what it logged as errors and every non-file request it made. */
export interface OpenReport {
  browser: Browser;
  page: Page;
  summary: Summary;
  dir: string;
  errors: string[];
  requests: string[];
}

/** Render the run's report and load it from file:// until the client marks the page ready. */
export async function openReport(manifest: RunManifest, records: CaseRecord[]): Promise<OpenReport> {
  const dir = mkdtempSync(join(tmpdir(), 'gb-report-'));
  const { summary } = writeReports(dir, manifest, records, { resamples: 300 });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) requests.push(request.url());
  });
  await page.goto(pathToFileURL(join(dir, 'index.html')).href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { browser, page, summary, dir, errors, requests };
}

/** Largest difference between two variants' means of a metric in a summary. */
export function spreadOf(summary: Summary, metric: string): number {
  const means = summary.estimates.filter((e) => e.metric === metric && e.mean !== null).map((e) => e.mean as number);
  return means.length ? Math.max(...means) - Math.min(...means) : 0;
}
