/// <reference lib="dom" />
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LabelServer, startLabelServer } from '../../src/labels/server.js';
import { latestLabels, readLabelFile } from '../../src/labels/store.js';
import { syntheticRun, writeRunDir } from '../support/synthetic-run.js';
import { HOSTILE, launchChromium } from './chromium.js';

/** A run whose every candidate and requirement carries markup that must stay text. */
function hostileRun(): string {
  const run = syntheticRun({ items: 4, seed: 4, model: 'bedrock:hidden-model' });
  for (const record of run.records) if (record.candidate !== null) record.candidate = `${HOSTILE}\n${record.itemId}`;
  for (const item of run.manifest.items) item.requirement = `Requirement ${item.id} ${HOSTILE}`;
  return writeRunDir(mkdtempSync(join(tmpdir(), 'gb-label-browser-')), run);
}

const CRITERIA = 5;

async function openPage(browser: Browser, url: string, errors: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(url)) errors.push(`request outside the server: ${request.url()}`);
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Wait until every label posted so far has been acknowledged (the page says "saved"). */
async function saved(page: Page): Promise<void> {
  await page.waitForSelector('#status[data-state="saved"]');
}

describe('labelling page in Chromium', () => {
  let browser: Browser;
  const servers: LabelServer[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    expect(errors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('labels cases with one key per criterion, saves each label, and resumes after a reload', async () => {
    const dir = hostileRun();
    const server = await startLabelServer({ runDir: dir, annotator: 'alice', seed: 9, sample: 6 });
    servers.push(server);
    const page = await openPage(browser, server.url, errors);
    expect(await page.textContent('#position')).toBe('case 1 of 6');
    // Case 1: 4 3 5 u 2 → case 2 appears. Case 2: first two criteria only.
    for (const key of ['4', '3', '5', 'u', '2']) await page.keyboard.press(key);
    expect(await page.getAttribute('body', 'data-case')).toBe('1');
    await page.keyboard.press('1');
    await page.keyboard.press('5');
    await saved(page);
    expect(await page.textContent('#progress')).toBe('1 of 6 labelled');

    const file = join(dir, 'labels', 'alice.jsonl');
    const stored = latestLabels((await readLabelFile(file)).labels);
    expect(stored.size).toBe(2);
    const [first, second] = [...stored.values()].map((m) => Object.fromEntries(m));
    expect(first).toEqual({ correctness: 4, completeness: 3, specificity: 5, testability: 'unsure', clarity: 2 });
    expect(second).toEqual({ correctness: 1, completeness: 5 });

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getAttribute('body', 'data-case')).toBe('1');
    expect(await page.getAttribute('#criteria-list li[data-active="true"]', 'data-criterion')).toBe('specificity');
    expect(await page.textContent('#status')).toBe('resumed');
    for (const key of ['2', '2', '2']) await page.keyboard.press(key);
    expect(await page.getAttribute('body', 'data-case')).toBe('2');
    await saved(page);
    const after = latestLabels((await readLabelFile(file)).labels);
    expect(Object.fromEntries([...after.values()][1] ?? [])).toEqual({
      correctness: 1,
      completeness: 5,
      specificity: 2,
      testability: 2,
      clarity: 2,
    });
    await page.close();
  });

  it('renders hostile candidate and requirement text inert, as text', async () => {
    const server = await startLabelServer({ runDir: hostileRun(), annotator: 'mallory', seed: 1, sample: 2 });
    servers.push(server);
    const page = await openPage(browser, server.url, errors);
    expect(await page.textContent('#candidate')).toContain('<script>window.__pwned = "script"</script>');
    expect(await page.textContent('#requirement')).toContain('<img src=x onerror=');
    expect(await page.$$('#candidate *, #requirement *, #gold *')).toHaveLength(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.textContent('body')).not.toContain('hidden-model');
    await page.close();
  });

  it('draws the next case in the same key event as the last label of a case (timing: npm run bench labelling)', async () => {
    const server = await startLabelServer({ runDir: hostileRun(), annotator: 'keys', seed: 2, sample: 12 });
    servers.push(server);
    const page = await openPage(browser, server.url, errors);
    for (let n = 0; n < 10; n++) {
      for (let i = 0; i < CRITERIA - 1; i++) await page.keyboard.press('3');
      // No waiting: the case shown must have changed when the key handler returns.
      const shown = await page.evaluate(() => {
        document.dispatchEvent(new KeyboardEvent('keydown', { key: '4', bubbles: true }));
        return [document.body.dataset.case, document.getElementById('position')?.textContent];
      });
      expect(shown).toEqual([String(n + 1), `case ${n + 2} of 12`]);
    }
    await saved(page);
    expect(await page.textContent('#progress')).toBe('10 of 12 labelled');
    await page.close();
  });

  it('two annotators label at once in two pages, each into their own file', async () => {
    const dir = hostileRun();
    const alice = await startLabelServer({ runDir: dir, annotator: 'alice', seed: 3, sample: 4 });
    const bob = await startLabelServer({ runDir: dir, annotator: 'bob', seed: 3, sample: 4 });
    servers.push(alice, bob);
    const [pa, pb] = await Promise.all([openPage(browser, alice.url, errors), openPage(browser, bob.url, errors)]);
    for (let i = 0; i < 4 * CRITERIA; i++) {
      await Promise.all([pa.keyboard.press('5'), pb.keyboard.press('1')]);
    }
    await Promise.all([saved(pa), saved(pb)]);
    expect(await pa.getAttribute('body', 'data-complete')).toBe('true');
    const a = (await readLabelFile(join(dir, 'labels', 'alice.jsonl'))).labels;
    const b = (await readLabelFile(join(dir, 'labels', 'bob.jsonl'))).labels;
    expect(a).toHaveLength(20);
    expect(b).toHaveLength(20);
    expect(new Set(a.map((l) => `${l.annotator}:${l.value}`))).toEqual(new Set(['alice:5']));
    expect(new Set(b.map((l) => `${l.annotator}:${l.value}`))).toEqual(new Set(['bob:1']));
    expect(new Set(a.map((l) => l.case))).toEqual(new Set(b.map((l) => l.case)));
    await Promise.all([pa.close(), pb.close()]);
  });
});
