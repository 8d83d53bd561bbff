/**
 * summary.md: GitHub-flavoured Markdown for a PR comment or a job summary, short enough to read
 * there — quality first (the means of the metrics that differ between variants, then only the
 * significant quality changes and effects), costs in one line, then the failures.
 */
import { formatDiff, formatValue } from '../analysis/format.js';
import type { DetectableEffect, Summary } from '../analysis/types.js';
import { mdCell } from '../markup-escape.js';
import { COST_METRICS } from '../scoring/types.js';
import { labelsMarkdown } from './labels.js';
import { NO_LLM_NOTICE, noLlm } from './no-llm.js';

/** Escape text for a Markdown table cell (defined with the other escapes; re-exported here). */
export { mdCell };

const ALPHA = 0.05;
const isCost = (metric: string): boolean => (COST_METRICS as readonly string[]).includes(metric);
const code = (text: string): string => `\`${mdCell(text)}\``;

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Quality metrics whose mean is the same under every variant and model, with that mean. */
function flatMetrics(summary: Summary, quality: readonly string[]): Map<string, number | null> {
  const flat = new Map<string, number | null>();
  for (const metric of quality) {
    const means = new Set(summary.estimates.filter((e) => e.metric === metric).map((e) => e.mean));
    if (means.size === 1) flat.set(metric, [...means][0] ?? null);
  }
  return flat;
}

function qualityMeans(summary: Summary, varying: readonly string[]): string[] {
  const out: string[] = [];
  if (!varying.length) return out;
  for (const model of summary.models) {
    out.push(
      `### Quality by variant${summary.models.length > 1 ? ` — ${code(model)}` : ''} (mean; 95% intervals in index.html and summary.json)`,
    );
    const rows = summary.variants.map((variant) => [
      code(variant),
      ...varying.map((metric) => {
        const e = summary.estimates.find((x) => x.variant === variant && x.model === model && x.metric === metric);
        return !e || e.mean === null ? '–' : formatValue(e.mean, metric);
      }),
    ]);
    out.push(table(['variant', ...varying], rows));
  }
  return out;
}

/** Variants × metrics of the significant quality changes against the reference (`n.s.` elsewhere). */
function significantChanges(summary: Summary, quality: readonly string[]): string[] {
  const significant = summary.comparisons.filter((c) => c.significant && quality.includes(c.metric));
  const heading = `### Significant quality changes vs ${code(summary.reference)} (mean paired difference, Holm-corrected, α = ${ALPHA})`;
  if (!significant.length) return [heading, 'None.'];
  const several = summary.models.length > 1;
  const metrics = quality.filter((m) => significant.some((c) => c.metric === m));
  const rowKeys = [...new Set(significant.map((c) => JSON.stringify([c.variant, c.model])))];
  const rows = rowKeys.map((key) => {
    const [variant, model] = JSON.parse(key) as [string, string];
    return [
      code(variant),
      ...(several ? [code(model)] : []),
      ...metrics.map((metric) => {
        const c = significant.find((x) => x.variant === variant && x.model === model && x.metric === metric);
        return c ? formatDiff(c.meanDiff, metric) : 'n.s.';
      }),
    ];
  });
  return [heading, table(['variant', ...(several ? ['model'] : []), ...metrics], rows)];
}

/** Terms × metrics of the Holm-significant factorial effects on quality (first model). */
function significantEffects(summary: Summary, quality: readonly string[]): string[] {
  const model = summary.models[0];
  const effects = summary.effects.filter((e) => e.model === model && quality.includes(e.metric) && e.significant);
  if (!effects.length) return [];
  const metrics = quality.filter((m) => effects.some((e) => e.metric === m));
  const terms = [...new Set(effects.map((e) => e.term))];
  const rows = terms.map((term) => [
    term,
    ...metrics.map((metric) => {
      const e = effects.find((x) => x.term === term && x.metric === metric);
      return e ? formatDiff(e.estimate, metric) : 'n.s.';
    }),
  ]);
  const design = summary.methods.design ?? 'full factorial ablation';
  return [
    `### Significant factorial effects (${design}; per-item contrasts, Holm-corrected per metric)${summary.models.length > 1 ? ` — ${code(model ?? '')}` : ''}`,
    table(['term', ...metrics], rows),
  ];
}

/** One line: each cost metric's range of means over the variants. */
function costLine(summary: Summary): string | null {
  const parts = summary.metrics.filter(isCost).flatMap((metric) => {
    const means = summary.estimates.filter((e) => e.metric === metric && e.mean !== null).map((e) => e.mean as number);
    if (!means.length) return [];
    const low = Math.min(...means);
    const high = Math.max(...means);
    return [`${metric} ${formatValue(low, metric)}${high > low ? `–${formatValue(high, metric)}` : ''}`];
  });
  return parts.length ? `**Costs** (mean per case, range over variants): ${parts.join(' · ')}.` : null;
}

function detectableLine(summary: Summary, varying: readonly string[]): string | null {
  const rows = summary.detectable.filter((d) => d.items > 0 && varying.includes(d.metric));
  if (!rows.length) return null;
  const items = [...new Set(rows.map((d) => d.items))].join('/');
  return `Smallest detectable difference (80% power, two-sided sign-flip test of the mean at the Holm-adjusted α, paired, ${items} items): ${detectableCells(rows)}.`;
}

/** The factorial effects' minimum detectable effect, at the α of their Holm family. */
function detectableEffectsLine(summary: Summary, varying: readonly string[]): string | null {
  const rows = (summary.detectableEffects ?? []).filter((d) => d.items > 0 && varying.includes(d.metric));
  if (!rows.length) return null;
  const family = [...new Set(rows.map((d) => d.family))].join('/');
  return `Smallest detectable factorial effect (same test, α split over the ${family} effects of each metric): ${detectableCells(rows)}.`;
}

function detectableCells(rows: readonly DetectableEffect[]): string {
  return rows
    .map((d) =>
      d.mde !== null
        ? `${d.metric} ${formatValue(d.mde, d.metric)}`
        : `${d.metric} ${d.detectable ? '–' : 'not detectable at this n'}`,
    )
    .join(' · ');
}

/** One line: how differences and effects were tested, and which families Holm adjusts over. */
function methodsLine(summary: Summary): string {
  const { exactLimit, draws } = summary.methods;
  return `Methods: quasi-score intervals of means over items (Wilson for 0/1 metrics); t intervals of differences and effects (Newcombe's paired interval for differences of 0/1 metrics); tests: sign-flip permutation test of the mean (exact up to ${exactLimit} items, else ${draws} draws), Holm-corrected per metric and model (families: summary.json \`methods.families\`).`;
}

function failures(summary: Summary, max: number): string[] {
  if (!summary.failures.length) return [];
  const out = [
    `### Failures (${summary.failures.length})`,
    table(
      ['item', 'variant', 'model', 'repeat', 'stage', 'reason'],
      summary.failures
        .slice(0, max)
        .map((f) => [
          mdCell(f.itemId),
          code(f.variant),
          mdCell(f.model),
          String(f.repeat),
          f.stage,
          mdCell(f.message.slice(0, 160)),
        ]),
    ),
  ];
  if (summary.failures.length > max) out.push(`…and ${summary.failures.length - max} more (see results.csv).`);
  return out;
}

/** Render the summary as Markdown. */
export function summaryMarkdown(summary: Summary, options: { maxFailures?: number } = {}): string {
  const quality = summary.metrics.filter((m) => !isCost(m));
  const flat = flatMetrics(summary, quality);
  const varying = quality.filter((m) => !flat.has(m));
  const out: string[] = [`## gherkin-bench run ${code(summary.runId)}`];
  if (noLlm(summary.models)) out.push(`> **${NO_LLM_NOTICE}**`);
  out.push(
    `${summary.counts.cases} cases (${summary.counts.ok} ok, ${summary.counts.failed} failed) · ${summary.variants.length} variants · models: ${summary.models.map(code).join(', ')} · reference: ${code(summary.reference)}`,
  );
  out.push(
    `Judge: ${summary.judge.run ? `run (${mdCell(summary.judge.model ?? '')})` : mdCell(summary.judge.reason)}.`,
  );
  for (const w of summary.warnings) out.push(`> ⚠️ ${mdCell(w)}`);
  out.push(...qualityMeans(summary, varying));
  if (flat.size)
    out.push(
      `Same under every variant: ${[...flat].map(([metric, mean]) => `${metric} ${formatValue(mean, metric)}`).join(' · ')}.`,
    );
  out.push(...significantChanges(summary, quality));
  out.push(...significantEffects(summary, quality));
  const detectable = detectableLine(summary, varying);
  if (detectable) out.push(detectable);
  const detectableEffects = detectableEffectsLine(summary, varying);
  if (detectableEffects) out.push(detectableEffects);
  const costs = costLine(summary);
  if (costs) out.push(costs);
  out.push(methodsLine(summary));
  if (summary.labels) out.push(labelsMarkdown(summary.labels));
  out.push(...failures(summary, options.maxFailures ?? 10));
  return `${out.join('\n\n')}\n`;
}
