/**
 * index.html: one self-contained file that works offline. chart.js, jsdiff and fflate are inlined;
 * the run's data travels as JSON inside a non-executable script tag (each case's drill-down
 * compressed, decoded with fflate when the case is opened) and the client renders it with
 * textContent only, so hostile text in candidates or datasets shows as text. A strict
 * Content-Security-Policy forbids every network request. The embedded data is {@link ReportData}.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Summary } from '../analysis/types.js';
import { escapeHtml } from '../markup-escape.js';
import type { CaseRecord, RunManifest } from '../run/types.js';
import { labelsHtml } from './labels.js';
import { NO_LLM_NOTICE, noLlm } from './no-llm.js';
import { clientScript } from './page-script.js';
import { REPORT_DATA_ELEMENT, type ReportData, reportData } from './report-data.js';

const require = createRequire(import.meta.url);
/** Characters of one prompt or response kept in the report (the full text stays in results.jsonl). */
export const MAX_TEXT = 20_000;

/** A file inside an installed package, found from its entry point (the UMD builds are not in `exports`). */
function packageFile(name: string, relative: string): string {
  let dir = dirname(require.resolve(name));
  while (
    !existsSync(join(dir, 'package.json')) ||
    (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== name
  ) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of package ${name}`);
    dir = parent;
  }
  return join(dir, relative);
}

let assets: { chart: string; diff: string; fflate: string; client: string } | undefined;
function loadAssets(): { chart: string; diff: string; fflate: string; client: string } {
  assets ??= {
    chart: readFileSync(packageFile('chart.js', 'dist/chart.umd.min.js'), 'utf8'),
    diff: readFileSync(packageFile('diff', 'dist/diff.min.js'), 'utf8'),
    fflate: readFileSync(packageFile('fflate', 'umd/index.js'), 'utf8'),
    client: clientScript(),
  };
  return assets;
}

/** Escape text for HTML element content and attribute values (re-exported from markup-escape). */
export { escapeHtml };

const SCRIPT_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON that is safe inside a `<script type="application/json">` element. One pass over the text
 * (five chained replaces walked a 10,000-case report's JSON five times).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c] as string);
}

/** Inline script text cannot close its own element. */
function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

/**
 * Trace text (prompts, responses, retrieved passages) a page embeds for the whole run, at most,
 * in characters. A real 10,000-case run embedded about 40 KB of trace per case: a 400 MB page and
 * about 4 GB of memory to write it. Past this budget each trace text is clipped shorter (never
 * below {@link MIN_TRACE_TEXT}); the full texts stay in results.jsonl.
 */
export const TRACE_TEXT_BUDGET = 32_000_000;
/** The shortest a trace text is clipped to on a large run. */
export const MIN_TRACE_TEXT = 400;

const clipTo =
  (limit: number) =>
  (text: string): string =>
    text.length > limit ? `${text.slice(0, limit)}\n… (${text.length - limit} more characters in results.jsonl)` : text;

/** The per-text limit for a run: {@link MAX_TEXT}, or less when the run's trace text exceeds the budget. */
export function traceTextLimit(records: readonly CaseRecord[]): number {
  let total = 0;
  let texts = 0;
  for (const record of records) {
    for (const p of record.trace.retrieved) {
      total += Math.min(MAX_TEXT, (p.text ?? '').length);
      texts++;
    }
    for (const step of record.trace.steps) {
      total += Math.min(MAX_TEXT, step.system.length) + Math.min(MAX_TEXT, step.prompt.length);
      total += Math.min(MAX_TEXT, step.response.length);
      texts += 3;
    }
  }
  if (total <= TRACE_TEXT_BUDGET || texts === 0) return MAX_TEXT;
  return Math.max(MIN_TRACE_TEXT, Math.min(MAX_TEXT, Math.floor(TRACE_TEXT_BUDGET / texts)));
}

const STYLE = `
:root { color-scheme: light; --fg:#111827; --muted:#6b7280; --line:#e5e7eb; --bad:#b91c1c; --good:#047857; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, sans-serif; color: var(--fg); margin: 0; background: #f9fafb; }
header { background: #111827; color: #f9fafb; padding: 16px 24px; }
header h1 { margin: 0 0 4px; font-size: 20px; }
header p { margin: 2px 0; color: #d1d5db; }
nav { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: 8px 24px; z-index: 2; }
nav a { margin-right: 16px; color: #1d4ed8; text-decoration: none; }
main { padding: 8px 24px 48px; max-width: 1400px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 16px 0; }
h2 { font-size: 17px; margin: 4px 0 8px; }
.chart { position: relative; height: 340px; }
.warning { background: #fef3c7; color: #92400e; padding: 6px 10px; border-radius: 6px; margin: 6px 0; }
.muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
table.sortable th { cursor: pointer; user-select: none; background: #f3f4f6; position: sticky; top: 0; z-index: 1; }
table.sortable th:hover { background: #e5e7eb; }
td.up { color: var(--good); font-weight: 600; } td.down { color: var(--bad); font-weight: 600; }
tr.failed td:first-child { border-left: 4px solid var(--bad); }
tr.case-row { cursor: pointer; } tr.case-row:hover { background: #eff6ff; }
.heatmap td { text-align: center; min-width: 70px; }
.scroll { max-height: 480px; overflow: auto; }
pre { background: #f3f4f6; padding: 8px; border-radius: 6px; overflow: auto; max-height: 420px; white-space: pre-wrap; word-break: break-word; font-size: 12px; }
pre.diff .add { background: #dcfce7; display: block; } pre.diff .del { background: #fee2e2; display: block; }
.side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.error { color: var(--bad); font-weight: 600; }
.controls { display: flex; gap: 12px; align-items: center; margin-bottom: 8px; flex-wrap: wrap; }
.banner { background: #7f1d1d; color: #fff; padding: 10px 24px; margin: 0; font-weight: 600; }
td.best { font-weight: 700; background: #ecfdf5; }
.effects-matrix td { text-align: center; min-width: 84px; font-variant-numeric: tabular-nums; }
.effects-matrix td.sig { font-weight: 700; }
#headline-table td { white-space: nowrap; font-variant-numeric: tabular-nums; }
#headline-copy { width: 100%; font: 12px ui-monospace, monospace; margin-top: 8px; }
`;

/** Render the report page for a run. */
export function reportHtml(manifest: RunManifest, records: readonly CaseRecord[], summary: Summary): string {
  const { chart, diff, fflate, client } = loadAssets();
  const limit = traceTextLimit(records);
  const data: ReportData = reportData(manifest, records, summary, clipTo(limit));
  const failed = summary.counts.failed;
  const notes =
    limit < MAX_TEXT
      ? [
          ...summary.warnings,
          `Trace texts are clipped to ${limit} characters each on this page to keep it small; results.jsonl holds them whole.`,
        ]
      : summary.warnings;
  const banner = noLlm(summary.models) ? `<p id="no-llm-banner" class="banner">${escapeHtml(NO_LLM_NOTICE)}</p>\n` : '';
  const warnings = notes.map((w) => `<p class="warning">${escapeHtml(w)}</p>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gherkin-bench · ${escapeHtml(summary.runId)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>gherkin-bench run ${escapeHtml(summary.runId)}</h1>
<p>${summary.counts.cases} cases · ${summary.counts.ok} ok · <strong>${failed} failed</strong> · ${summary.variants.length} variants · ${summary.models.map(escapeHtml).join(', ')} · dataset ${escapeHtml(manifest.dataset.name)} (${escapeHtml(manifest.dataset.split)}, ${manifest.dataset.items} items) · reference variant ${escapeHtml(summary.reference)}</p>
<p>Judge: ${escapeHtml(summary.judge.run ? `run (${summary.judge.model ?? ''})` : summary.judge.reason)} · seed ${summary.seed} · generated ${escapeHtml(summary.generatedAt)}</p>
</header>
<nav><a href="#headline">Headline</a><a href="#overview">Metric</a><a href="#effects">Effects</a><a href="#mde">Detectable</a><a href="#services">Services</a><a href="#cost">Cost</a><a href="#tables">Tables</a><a href="#cases">Cases${failed ? ` (${failed} failed)` : ''}</a></nav>
${banner}<main>
${warnings}
<section id="headline"><h2>Quality by variant (mean, 95% CI; best of each column in bold)</h2><div class="controls"><button id="copy-markdown" type="button">Copy as Markdown</button><button id="copy-latex" type="button">Copy as LaTeX</button><span id="headline-copy-status" class="muted" role="status"></span></div><div id="headline-host"></div><textarea id="headline-copy" rows="10" readonly hidden aria-label="headline table text"></textarea></section>
<section id="overview"><h2>Metric by variant</h2><div class="controls" id="metric-select-host"></div><div class="chart"><canvas id="chart-metric" role="img" aria-label="metric by variant"></canvas></div></section>
<section id="effects"><h2>Factorial effects (main effects and two-way interactions, per-item contrasts)</h2><p id="effects-empty" class="muted" hidden>This run is not a full factorial ablation (every technique on and off), so there are no factorial effects.</p><div id="effects-matrix-host" class="scroll"></div><div class="controls" id="effects-select-host"></div><div class="chart"><canvas id="chart-effects" role="img" aria-label="factorial effects"></canvas></div><h3>Estimates, intervals and p-values</h3><div id="effects-table-host"></div></section>
<section id="mde"><h2>Minimum detectable effect</h2><div id="mde-host"></div></section>
<section id="services"><h2>Per-service means</h2><div class="controls" id="heatmap-select-host"></div><div id="heatmap" class="scroll"></div></section>
<section id="cost"><h2>Cost</h2><div id="costs-host"></div><h3>Quality against cost</h3><div class="controls" id="cost-select-host"></div><div class="chart"><canvas id="chart-cost" role="img" aria-label="quality against cost"></canvas></div></section>
<section id="tables"><h2>Quality estimates</h2><div id="estimates-host"></div><h2>Paired comparisons vs ${escapeHtml(summary.reference)} (Holm-corrected)</h2><div id="comparisons-host"></div></section>
${labelsHtml(summary.labels)}
<section id="cases"><h2>Cases</h2><div class="controls"><input id="case-filter" type="search" placeholder="filter by item, variant or model"><label><input id="failed-only" type="checkbox"> failed only</label><span id="case-count" class="muted"></span></div><div id="cases-host" class="scroll"></div><div id="case-detail" hidden></div></section>
</main>
<script type="application/json" id="${REPORT_DATA_ELEMENT}">${jsonForScript(data)}</script>
<script>${inlineScript(chart)}</script>
<script>${inlineScript(diff)}</script>
<script>${inlineScript(fflate)}</script>
<script>${inlineScript(client)}</script>
</body>
</html>
`;
}
