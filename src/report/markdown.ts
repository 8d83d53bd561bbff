/**
 * summary.md: GitHub-flavoured Markdown for a PR comment or a job summary, short enough to read
 * there (at most {@link SUMMARY_MD_BYTES} bytes when the run has few failures) — quality first,
 * costs in one line, then the failures.
 *
 * Two forms. The full form, used when it fits: the means of every variant on the metrics that
 * differ between variants, the significant quality changes against the reference and the
 * significant factorial effects. The short form, for runs too big for that (the default 2^5
 * ablation's 32 variants): the top and bottom variants by the headline metric, the main effects
 * of the techniques with their intervals (or, without a factorial design, the significant changes
 * of the headline metric), the significant interactions on the headline metric, and a pointer to
 * index.html and summary.json for the rest.
 */
import { formatDiff, formatValue } from '../analysis/format.js';
import type { DetectableEffect, FactorialEffect, Summary } from '../analysis/types.js';
import { mdCell } from '../markup-escape.js';
import { COST_METRICS } from '../scoring/types.js';
import { labelsMarkdown } from './labels.js';
import { NO_LLM_NOTICE, noLlm } from './no-llm.js';

/** Escape text for a Markdown table cell (defined with the other escapes; re-exported here). */
export { mdCell };

const ALPHA = 0.05;
/** The size summary.md keeps to (a PR comment stays readable); past it, the short form is written. */
export const SUMMARY_MD_BYTES = 4096;
/** Variants shown at each end of the short form's ranking; the fewer when the more do not fit. */
const RANKED_ENDS = [5, 3] as const;
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

/**
 * The factorial effects' minimum detectable effect, at the α of their Holm family; `alone` when
 * the line of the comparisons' MDE (which names the test) is not above it.
 */
function detectableEffectsLine(summary: Summary, varying: readonly string[], alone: boolean): string | null {
  const rows = (summary.detectableEffects ?? []).filter((d) => d.items > 0 && varying.includes(d.metric));
  if (!rows.length) return null;
  const family = [...new Set(rows.map((d) => d.family))].join('/');
  const test = alone ? '80% power, two-sided sign-flip test of the mean, paired' : 'same test';
  return `Smallest detectable factorial effect (${test}, α split over the ${family} effects of each metric): ${detectableCells(rows)}.`;
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

/**
 * The metric the short form ranks by, as the HTML report opens on: the judge's overall score when
 * a judge ran, otherwise the logic metric `behaviour`, otherwise the varying quality metric whose
 * variant means spread most (the first in the run's order on a tie).
 */
export function headlineMetric(summary: Summary, varying: readonly string[]): string | undefined {
  const has = (metric: string) =>
    varying.includes(metric) && summary.estimates.some((e) => e.metric === metric && e.mean !== null);
  if (summary.judge.run && has('judge.overall')) return 'judge.overall';
  if (has('behaviour')) return 'behaviour';
  let best: string | undefined;
  let widest = -1;
  for (const metric of varying) {
    const means = summary.estimates.filter((e) => e.metric === metric && e.mean !== null).map((e) => e.mean as number);
    const spread = means.length > 1 ? Math.max(...means) - Math.min(...means) : 0;
    if (spread > widest + 1e-12) {
      best = metric;
      widest = spread;
    }
  }
  return best;
}

/** Per model: the top and bottom `ends` variants by the headline metric, with the other varying metrics. */
function rankedMeans(summary: Summary, headline: string, varying: readonly string[], ends: number): string[] {
  const columns = [headline, ...varying.filter((m) => m !== headline)];
  const out: string[] = [];
  for (const model of summary.models) {
    const mean = (variant: string, metric: string) =>
      summary.estimates.find((x) => x.variant === variant && x.model === model && x.metric === metric)?.mean ?? null;
    const ranked = summary.variants
      .map((variant, index) => ({ variant, index, value: mean(variant, headline) }))
      .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.index - b.index);
    const cut = ranked.length > 2 * ends + 1;
    const shown = cut ? [...ranked.slice(0, ends), ...ranked.slice(-ends)] : ranked;
    const row = (variant: string) => [
      code(variant),
      ...columns.map((metric) => formatValue(mean(variant, metric), metric)),
    ];
    const rows = shown.map((r) => row(r.variant));
    if (cut) rows.splice(ends, 0, [`… ${ranked.length - 2 * ends} more`, ...columns.map(() => '')]);
    const which = cut ? `top ${ends} and bottom ${ends} of ${ranked.length}` : `all ${ranked.length}`;
    out.push(
      `### Quality by variant${summary.models.length > 1 ? ` — ${code(model)}` : ''}: ${which} by ${headline} (mean; every variant with 95% intervals in index.html and summary.json)`,
      table(['variant', ...columns], rows),
    );
  }
  return out;
}

/** An effect as `+0.123 ±0.010`, its 95% t interval as a half-width (symmetric), `*` when Holm-significant. */
function effectCell(e: FactorialEffect): string {
  const half = (e.ci.high - e.ci.low) / 2;
  return `${formatDiff(e.estimate, e.metric)} ±${formatValue(half, e.metric)}${e.significant ? '*' : ''}`;
}

/**
 * The main effects of the techniques (first model) on every varying metric, with intervals, then
 * one line of the Holm-significant interactions on the headline metric. Without a factorial
 * design: the headline metric's significant changes against the reference, in one line.
 */
function mainEffects(summary: Summary, headline: string, varying: readonly string[]): string[] {
  const model = summary.models[0];
  const columns = [headline, ...varying.filter((m) => m !== headline)];
  const ofModel = summary.effects.filter((e) => e.model === model && columns.includes(e.metric));
  const terms = [...new Set(ofModel.filter((e) => e.kind === 'main').map((e) => e.term))];
  if (!terms.length) {
    const changes = summary.comparisons
      .filter((c) => c.significant && c.metric === headline && c.model === model)
      .sort((a, b) => b.meanDiff - a.meanDiff);
    const listed = changes.map((c) => `${code(c.variant)} ${formatDiff(c.meanDiff, headline)}`);
    return [
      `Significant changes of ${headline} vs ${code(summary.reference)} (Holm-corrected, α = ${ALPHA}): ${listed.length ? listed.join(' · ') : 'none'}.`,
    ];
  }
  const design = summary.methods.design ?? 'full factorial ablation';
  const rows = terms.map((term) => [
    term,
    ...columns.map((metric) => {
      const e = ofModel.find((x) => x.term === term && x.metric === metric);
      return e ? effectCell(e) : '–';
    }),
  ]);
  const out = [
    `### Main effects of the techniques (${design}; mean per-item contrast ± 95% t interval, * Holm p < ${ALPHA})${summary.models.length > 1 ? ` — ${code(model ?? '')}` : ''}`,
    table(['technique', ...columns], rows),
  ];
  const interactions = ofModel.filter((e) => e.kind === 'interaction' && e.metric === headline && e.significant);
  out.push(
    `Holm-significant interactions on ${headline}: ${interactions.length ? interactions.map((e) => `${e.term} ${effectCell(e).replace(/\*$/, '')}`).join(' · ') : 'none'}; every effect and metric in index.html and summary.json.`,
  );
  return out;
}

/** Render the summary as Markdown: the full form when it fits in {@link SUMMARY_MD_BYTES}, else the short form. */
export function summaryMarkdown(summary: Summary, options: { maxFailures?: number } = {}): string {
  const quality = summary.metrics.filter((m) => !isCost(m));
  const flat = flatMetrics(summary, quality);
  const varying = quality.filter((m) => !flat.has(m));
  const head: string[] = [`## gherkin-bench run ${code(summary.runId)}`];
  if (noLlm(summary.models)) head.push(`> **${NO_LLM_NOTICE}**`);
  head.push(
    `${summary.counts.cases} cases (${summary.counts.ok} ok, ${summary.counts.failed} failed) · ${summary.variants.length} variants · models: ${summary.models.map(code).join(', ')} · reference: ${code(summary.reference)}`,
  );
  head.push(
    `Judge: ${summary.judge.run ? `run (${mdCell(summary.judge.model ?? '')})` : mdCell(summary.judge.reason)}.`,
  );
  for (const w of summary.warnings) head.push(`> ⚠️ ${mdCell(w)}`);
  const flatLine = flat.size
    ? [
        `Same under every variant: ${[...flat].map(([metric, mean]) => `${metric} ${formatValue(mean, metric)}`).join(' · ')}.`,
      ]
    : [];
  const tail = (withComparisonsMde: boolean): string[] => {
    const out: string[] = [];
    const detectable = withComparisonsMde ? detectableLine(summary, varying) : null;
    if (detectable) out.push(detectable);
    const detectableEffects = detectableEffectsLine(summary, varying, !detectable);
    if (detectableEffects) out.push(detectableEffects);
    const costs = costLine(summary);
    if (costs) out.push(costs);
    out.push(methodsLine(summary));
    if (summary.labels) out.push(labelsMarkdown(summary.labels));
    out.push(...failures(summary, options.maxFailures ?? 10));
    return out;
  };
  const render = (parts: string[]) => `${parts.join('\n\n')}\n`;
  const full = render([
    ...head,
    ...qualityMeans(summary, varying),
    ...flatLine,
    ...significantChanges(summary, quality),
    ...significantEffects(summary, quality),
    ...tail(true),
  ]);
  const fits = (text: string) => Buffer.byteLength(text, 'utf8') <= SUMMARY_MD_BYTES;
  const headline = headlineMetric(summary, varying);
  if (fits(full) || !headline) return full;
  const short = (ends: number) =>
    render([
      ...head,
      ...rankedMeans(summary, headline, varying, ends),
      ...flatLine,
      ...mainEffects(summary, headline, varying),
      ...tail(false),
    ]);
  const [more, fewer] = RANKED_ENDS;
  const long = short(more);
  return fits(long) ? long : short(fewer);
}
