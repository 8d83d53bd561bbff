/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticRun } from '../support/synthetic-run.js';
import { HOSTILE } from './chromium.js';
import { type OpenReport, openReport, spreadOf } from './open-report.js';

describe('HTML report in Chromium', () => {
  let report: OpenReport;
  let page: Page;

  beforeAll(async () => {
    const { manifest, records } = syntheticRun({
      items: 30,
      effects: { rag: 0.15 },
      failureRate: 0.03,
      seed: 3,
      model: 'bedrock:us.amazon.nova-lite-v1:0',
    });
    const target = records.find((r) => r.itemId === 'item-000' && r.variant === 'none');
    if (!target) throw new Error('synthetic run lacks item-000');
    target.candidate = HOSTILE;
    const item = manifest.items.find((i) => i.id === 'item-000');
    if (item) item.requirement = `Requirement with ${HOSTILE}`;
    const agentCase = records.find((r) => r.itemId === 'item-001' && r.variant === 'none' && !r.error);
    if (!agentCase) throw new Error('synthetic run lacks item-001');
    const usage = { inputTokens: 40, outputTokens: 8, cacheReadTokens: 0, cacheWriteTokens: 0 };
    agentCase.trace = {
      ...agentCase.trace,
      steps: [
        {
          name: 'agent.1',
          system: 'system',
          prompt: 'Write the control.',
          response: 'Searching.',
          usage,
          latencyMs: 3,
          cached: false,
          modelId: 'bedrock:us.amazon.nova-lite-v1:0',
          toolUses: [
            { toolUseId: 't1', name: 'search_api', input: { query: 'kms' }, result: HOSTILE, isError: false, ms: 2 },
            { toolUseId: 't2', name: 'rm_rf', input: {}, result: 'unknown tool "rm_rf"', isError: true, ms: 0 },
          ],
        },
      ],
      agent: { turns: 1, toolCalls: 2, toolErrors: 1, tokens: 48, stop: 'turns' },
    };
    report = await openReport(manifest, records);
    page = report.page;
  });

  afterAll(async () => {
    await report?.browser.close();
  });

  it('loads from file:// with no console errors and no network request', async () => {
    expect(report.errors).toEqual([]);
    expect(report.requests).toEqual([]);
    expect(await page.$eval('main', (el) => el.textContent ?? '')).not.toMatch(/\bnull\b|\bundefined\b|NaN/);
  });

  it('shows no no-LLM banner when a model generated the candidates', async () => {
    expect(await page.$('#no-llm-banner')).toBeNull();
  });

  it('renders the headline table: a row per variant, a column per quality metric, the best marked', async () => {
    const head = await page.$$eval('#headline-table thead th', (ths) => ths.map((th) => th.textContent));
    expect(head).toEqual(['variant', 'parse', 'structure']);
    const variants = await page.$$eval('#headline-table tbody th', (ths) => ths.map((th) => th.textContent));
    expect(variants).toEqual(report.summary.variants);
    const structure = report.summary.estimates.filter((e) => e.metric === 'structure');
    const best = structure.reduce((a, b) => ((b.mean ?? -1) > (a.mean ?? -1) ? b : a));
    const marked = await page.$$eval('#headline-table tbody tr', (trs) =>
      trs
        .filter((tr) => tr.querySelectorAll('td')[1]?.classList.contains('best'))
        .map((tr) => tr.querySelector('th')?.textContent),
    );
    expect(marked).toEqual([best.variant]);
    const cell = await page.$eval('#headline-table tbody tr td:nth-of-type(2)', (td) => td.textContent ?? '');
    expect(cell).toMatch(/^\d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\]$/);
  });

  it('copies the headline as Markdown and as LaTeX', async () => {
    await page.click('#copy-markdown');
    const markdown = await page.$eval('#headline-copy', (el) => (el as HTMLTextAreaElement).value);
    expect(markdown.split('\n')[0]).toBe('| variant | parse | structure |');
    expect(markdown).toMatch(/\| \*\*\d\.\d{3} \[/);
    await page.click('#copy-latex');
    const latex = await page.$eval('#headline-copy', (el) => (el as HTMLTextAreaElement).value);
    expect(latex).toContain('\\begin{tabular}{lcc}');
    expect(latex).toContain('\\textbf{');
    expect(latex).toContain('cot+rag+fewshot &');
  });

  it('renders the effects matrix (technique × metric) with its table of Holm p-values', async () => {
    const terms = await page.$$eval('.effects-matrix tbody th', (ths) => ths.map((th) => th.textContent));
    expect(terms).toEqual(expect.arrayContaining(['cot', 'rag', 'fewShot', 'cot×rag']));
    // The synthetic variants hold repair off everywhere: not a factor of this 2^3 design.
    expect(terms).not.toContain('repair');
    expect(await page.$eval('#effects-design', (p) => p.textContent)).toBe(
      'Design: full factorial 2^3 of cot, rag, fewShot.',
    );
    const rag = await page.$$eval('.effects-matrix tbody tr', (trs) => {
      const row = trs.find((tr) => tr.querySelector('th')?.textContent === 'rag');
      const cell = row?.querySelectorAll('td')[1] as HTMLElement | undefined;
      return {
        text: cell?.textContent,
        significant: cell?.classList.contains('sig'),
        background: cell?.style.background,
      };
    });
    expect(rag.text).toMatch(/^\+0\.1\d\d \*$/);
    const ragRow = await page.$$eval('#effects-table tbody tr', (trs) =>
      trs
        .map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent))
        .find((r) => r[0] === 'structure' && r[1] === 'rag'),
    );
    expect(ragRow?.[3]).toMatch(/^\+0\.1\d\d$/);
    expect(rag.significant).toBe(true);
    expect(rag.background).toMatch(/rgba\(5, 150, 105/);
    const header = await page.$$eval('#effects-table thead th', (ths) => ths.map((th) => th.textContent));
    expect(header).toEqual(['metric', 'term', 'kind', 'effect', '95% CI', 'p', 'p (Holm)', 'items']);
    const items = await page.$$eval('#effects-table tbody td:nth-child(8)', (tds) => tds.map((td) => td.textContent));
    expect(items.sort()).toEqual(
      report.summary.effects
        .filter((e) => ['parse', 'structure'].includes(e.metric))
        .map((e) => String(e.items))
        .sort(),
    );
    const pHolm = await page.$$eval('#effects-table tbody td:nth-child(7)', (tds) => tds.map((td) => td.textContent));
    // Exact sign-flip tests over this fixture's few items cannot reach p < 0.001; rag's effect is significant.
    expect(pHolm.some((p) => p === '<0.001' || Number(p) < 0.05)).toBe(true);
    for (const p of pHolm) expect(p).toMatch(/^(<0\.001|[01]\.\d{3})$/);
  });

  it('renders the minimum-detectable-effect section', async () => {
    const rows = await page.$$eval('#mde-table tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)),
    );
    const structure = report.summary.detectable.find((d) => d.metric === 'structure');
    expect(rows).toContainEqual([
      'structure',
      `vs ${report.summary.reference}`,
      '30',
      structure?.alpha.toPrecision(2),
      expect.any(String),
      (structure?.mde ?? Number.NaN).toFixed(3),
    ]);
    // The factorial effects' own MDE, at the α of their Holm family (0.05 / 6).
    const effect = report.summary.detectableEffects?.find((d) => d.metric === 'structure');
    expect(effect?.alpha).toBeCloseTo(0.05 / 6, 12);
    expect(rows).toContainEqual([
      'structure',
      'factorial effects',
      String(effect?.items),
      '0.0083',
      expect.any(String),
      (effect?.mde ?? Number.NaN).toFixed(3),
    ]);
    expect(await page.$eval('#mde', (el) => el.textContent)).toContain('80% power');
  });

  it('keeps cost apart from quality: the quality tables list no cost metric', async () => {
    const metrics = await page.$$eval('#estimates tbody td:nth-child(3)', (tds) => tds.map((td) => td.textContent));
    expect(new Set(metrics)).toEqual(new Set(['parse', 'structure']));
    const costHead = await page.$$eval('#costs thead th', (ths) => ths.map((th) => th.textContent));
    expect(costHead).toEqual(['variant', 'tokens_in', 'tokens_out', 'cost_usd', 'latency_ms', 'calls']);
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

  it("shows an agent case's tool calls in order, with their results and errors, as text", async () => {
    await page.fill('#case-filter', 'item-001');
    await page.locator('#cases tbody tr.case-row', { hasText: 'none' }).first().click();
    await page.waitForSelector('#case-detail:not([hidden])');
    const detail = await page.$eval('#case-detail', (el) => el.textContent ?? '');
    expect(detail).toContain(
      'Agent: 1 turn, 2 tool calls (1 answered with an error), 48 tokens; ended by its turns budget.',
    );
    expect(detail).toContain('tool calls (2)');
    expect(detail.indexOf('1. search_api')).toBeLessThan(detail.indexOf('2. rm_rf — error'));
    expect(detail).toContain('input: {"query":"kms"}');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
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

describe('HTML report of an offline run whose first metrics are flat', () => {
  let report: OpenReport;

  beforeAll(async () => {
    const { manifest, records } = syntheticRun({ items: 20, effects: { cot: 0.3 }, seed: 5 });
    for (const record of records) for (const score of record.scores) if (score.metric === 'structure') score.value = 1;
    report = await openReport(manifest, records);
  });

  afterAll(async () => {
    await report?.browser.close();
  });

  it('loads with no console errors', () => {
    expect(report.errors).toEqual([]);
  });

  it('opens on a metric that varies between variants, not on the flat one', async () => {
    const shown = await report.page.$eval('#chart-metric', (el) => (el as HTMLCanvasElement).dataset.metric ?? '');
    expect(shown).toBe('parse');
    expect(spreadOf(report.summary, 'structure')).toBe(0);
    expect(spreadOf(report.summary, shown)).toBeGreaterThan(0);
    expect(await report.page.$eval('#metric-select', (el) => (el as HTMLSelectElement).value)).toBe(shown);
  });

  it('says at the top that no LLM generated the candidates', async () => {
    const banner = await report.page.$eval('#no-llm-banner', (el) => el.textContent ?? '');
    expect(banner).toContain('No LLM generated these candidates');
    expect(banner).toContain('offline:reference');
    const top = await report.page.$eval('#no-llm-banner', (el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(300);
  });

  it('hides all-zero comparison rows until asked', async () => {
    const page = report.page;
    const visible = await page.$$eval('#comparisons tbody tr', (trs) => trs.length);
    const quality = report.summary.comparisons.filter((c) => ['parse', 'structure'].includes(c.metric));
    const zeroRows = quality.filter((c) => c.nonZero === 0);
    expect(zeroRows.length).toBeGreaterThan(0);
    expect(visible).toBe(quality.length - zeroRows.length);
    const shown = await page.$$eval('#comparisons tbody tr', (trs) =>
      trs.map((tr) => `${tr.children[3]?.textContent} ${tr.children[4]?.textContent}`),
    );
    expect(shown).not.toContain('0.000 [0.000, 0.000]');
    await page.check('#comparisons-host .show-noise');
    expect(await page.$$eval('#comparisons tbody tr', (trs) => trs.length)).toBe(quality.length);
  });

  it('places the cost chart labels without overlaps, even for points at one cost', async () => {
    const labels = await report.page.evaluate(() => {
      const chart = (window as unknown as { Chart: { getChart(id: string): { $labels?: unknown } } }).Chart.getChart(
        'chart-cost',
      );
      return chart?.$labels as { text: string; box: { x: number; y: number; w: number; h: number } }[];
    });
    expect(labels.map((l) => l.text).sort()).toEqual([...report.summary.variants].sort());
    for (const [i, a] of labels.entries())
      for (const b of labels.slice(i + 1)) {
        const apart =
          a.box.x + a.box.w <= b.box.x ||
          b.box.x + b.box.w <= a.box.x ||
          a.box.y + a.box.h <= b.box.y ||
          b.box.y + b.box.h <= a.box.y;
        expect(apart, `${a.text} overlaps ${b.text}`).toBe(true);
      }
  });
});

describe('HTML report of a judged run', () => {
  let report: OpenReport;

  beforeAll(async () => {
    const { manifest, records } = syntheticRun({ items: 12, effects: { rag: 0.4 }, seed: 8 });
    for (const [i, record] of records.entries())
      record.scores.push({ metric: 'judge.overall', value: 0.5 + (i % 3) * 0.01, reason: 'synthetic judge' });
    manifest.judge = { model: 'bedrock:judge', rubric: 'default' };
    report = await openReport(manifest, records);
  });

  afterAll(async () => {
    await report?.browser.close();
  });

  it('opens on the judge even when another metric varies more', async () => {
    expect(report.summary.judge.run).toBe(true);
    expect(spreadOf(report.summary, 'structure')).toBeGreaterThan(spreadOf(report.summary, 'judge.overall'));
    const shown = await report.page.$eval('#chart-metric', (el) => (el as HTMLCanvasElement).dataset.metric ?? '');
    expect(shown).toBe('judge.overall');
  });
});
