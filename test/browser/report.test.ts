/// <reference lib="dom" />
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../src/report/write.js';
import { syntheticRun } from '../support/synthetic-run.js';
import { launchChromium } from './chromium.js';

const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '</script><script>window.__pwned = "close"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<a href="javascript:window.__pwned = \'link\'">click</a>',
].join('\n');

describe('HTML report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'gb-report-'));

  beforeAll(async () => {
    const { manifest, records } = syntheticRun({ items: 30, effects: { rag: 0.15 }, failureRate: 0.03, seed: 3 });
    const target = records.find((r) => r.itemId === 'item-000' && r.variant === 'none');
    if (!target) throw new Error('synthetic run lacks item-000');
    target.candidate = HOSTILE;
    const item = manifest.items.find((i) => i.id === 'item-000');
    if (item) item.requirement = `Requirement with ${HOSTILE}`;
    writeReports(dir, manifest, records, { resamples: 300 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) requests.push(request.url());
    });
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads from file:// with no console errors and no network request', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('draws the charts (canvases are not blank)', async () => {
    const inked = await page.$$eval('canvas', (canvases) =>
      canvases
        .filter((c) => (c as HTMLCanvasElement).offsetParent !== null)
        .map((c) => {
          const canvas = c as HTMLCanvasElement;
          const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
          let painted = 0;
          for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) painted++;
          return { id: canvas.id, painted };
        }),
    );
    expect(inked.map((c) => c.id).sort()).toEqual(['chart-cost', 'chart-effects', 'chart-metric']);
    for (const canvas of inked) expect(canvas.painted, canvas.id).toBeGreaterThan(1000);
  });

  it('sorts a table by a clicked column', async () => {
    const firstBefore = await page.$eval('#estimates tbody tr td', (td) => td.textContent);
    await page.click('#estimates thead th:nth-child(4)');
    await page.click('#estimates thead th:nth-child(4)');
    const means = await page.$$eval('#estimates tbody tr td:nth-child(4)', (tds) =>
      tds.map((td) => Number(td.textContent)),
    );
    const finite = means.filter((m) => Number.isFinite(m));
    expect(finite).toEqual([...finite].sort((a, b) => b - a));
    expect(firstBefore).toBeTruthy();
  });

  it('opens a drill-down, and hostile text renders as text without executing', async () => {
    await page.fill('#case-filter', 'item-000');
    await page.locator('#cases tbody tr.case-row', { hasText: 'none' }).first().click();
    await page.waitForSelector('#case-detail:not([hidden])');
    const detail = await page.$eval('#case-detail', (el) => el.textContent ?? '');
    expect(detail).toContain('<script>window.__pwned = "script"</script>');
    expect(detail).toContain('Candidate beside the gold');
    expect(detail).not.toMatch(/\bnull\b|undefined/);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.$$eval('#case-detail img, #case-detail a[href^="javascript"]', (nodes) => nodes.length)).toBe(0);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/report-drilldown.png', fullPage: false });
  });

  it('filters to failed cases', async () => {
    await page.fill('#case-filter', '');
    await page.check('#failed-only');
    const statuses = await page.$$eval('#cases tbody tr td:nth-child(5)', (tds) =>
      tds.map((td) => td.textContent ?? ''),
    );
    expect(statuses.length).toBeGreaterThan(0);
    for (const status of statuses) expect(status).not.toBe('ok');
    await page.uncheck('#failed-only');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'test-artifacts/report.png', fullPage: false });
  });
});
