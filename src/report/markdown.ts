/**
 * summary.md: GitHub-flavoured Markdown for PR comments and job summaries — the headline table,
 * the effects, the significant differences and the failures.
 */

import { formatDiff, formatInterval, formatP, formatTest, formatValue } from '../analysis/format.js';
import type { Summary } from '../analysis/types.js';
import { mdCell } from '../markup-escape.js';
import { CHECK_METRICS } from '../scoring/types.js';
import { labelsMarkdown } from './labels.js';

/** Metrics shown in the headline table, in order, when present: every check, the judge's overall, the cost. */
export const HEADLINE_METRICS = [...CHECK_METRICS, 'judge.overall', 'cost_usd'] as const;

/** Escape text for a Markdown table cell (defined with the other escapes; re-exported here). */
export { mdCell };

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Render the summary as Markdown. */
export function summaryMarkdown(summary: Summary, options: { maxFailures?: number } = {}): string {
  const out: string[] = [];
  const metrics = HEADLINE_METRICS.filter((m) => summary.metrics.includes(m));
  out.push(`## gherkin-bench run \`${mdCell(summary.runId)}\``);
  out.push(
    `${summary.counts.cases} cases (${summary.counts.ok} ok, ${summary.counts.failed} failed) · ${summary.variants.length} variants · models: ${summary.models.map((m) => `\`${mdCell(m)}\``).join(', ')} · reference: \`${mdCell(summary.reference)}\``,
  );
  out.push(
    `Judge: ${summary.judge.run ? `run (${mdCell(summary.judge.model ?? '')})` : mdCell(summary.judge.reason)}.`,
  );
  for (const w of summary.warnings) out.push(`> ⚠️ ${mdCell(w)}`);

  for (const model of summary.models) {
    out.push(`### Mean by variant${summary.models.length > 1 ? ` — \`${mdCell(model)}\`` : ''} (95% CI)`);
    const rows = summary.variants.map((variant) => [
      `\`${mdCell(variant)}\``,
      ...metrics.map((metric) => {
        const e = summary.estimates.find((x) => x.variant === variant && x.model === model && x.metric === metric);
        return e?.mean === null || !e ? '–' : `${formatValue(e.mean, metric)} ${formatInterval(e.ci, metric)}`;
      }),
    ]);
    out.push(table(['variant', ...metrics], rows));
  }

  const mains = summary.effects.filter(
    (e) => metrics.includes(e.metric as (typeof metrics)[number]) && !e.metric.startsWith('cost'),
  );
  if (mains.length) {
    out.push('### Factorial effects (full factorial ablation, per-item contrasts)');
    out.push(
      'Each effect is a mean over items: t interval, sign-flip permutation test of the mean, Holm over the effects of its metric (one family per metric).',
    );
    out.push(
      table(
        ['metric', 'term', 'effect', '95% CI', 'p', 'p (Holm)', 'Wilcoxon p (location)'],
        mains.map((e) => [
          e.metric,
          e.term,
          formatDiff(e.estimate, e.metric),
          formatInterval(e.ci, e.metric),
          formatP(e.pValue),
          `${formatP(e.pHolm)}${e.significant ? ' *' : ''}`,
          formatP(e.secondary.pValue),
        ]),
      ),
    );
  }

  const significant = summary.comparisons.filter((c) => c.significant);
  out.push(`### Significant differences vs \`${mdCell(summary.reference)}\` (Holm-corrected)`);
  out.push(
    significant.length
      ? table(
          ['metric', 'variant', 'Δ (mean)', '95% CI', 'test of the mean', 'p (Holm)', 'secondary p', 'pairs'],
          significant.map((c) => [
            c.metric,
            `\`${mdCell(c.variant)}\``,
            formatDiff(c.meanDiff, c.metric),
            formatInterval(c.ci, c.metric),
            formatTest(c.test, c.draws),
            formatP(c.pHolm),
            `${formatP(c.secondary.pValue)} (${c.secondary.test})`,
            String(c.pairs),
          ]),
        )
      : 'None at α = 0.05.',
  );

  const mde = summary.detectable.filter((d) => d.items > 0 && metrics.includes(d.metric as (typeof metrics)[number]));
  if (mde.length) {
    out.push(
      '### Smallest detectable difference (80% power, two-sided test of the mean at the Holm-adjusted α, paired)',
    );
    out.push(
      table(
        ['metric', 'items', 'α per comparison', 'MDE'],
        mde.map((d) => [
          d.metric,
          String(d.items),
          `${d.alpha.toPrecision(2)} (${Number((d.alpha * d.family).toPrecision(6))} / ${d.family})`,
          d.mde !== null
            ? formatValue(d.mde, d.metric)
            : mdCell(d.detectable ? `– (${d.reason ?? 'unknown'})` : 'not detectable at this n'),
        ]),
      ),
    );
  }

  out.push('### Methods');
  out.push(
    [
      `- Means over items with t intervals (Wilson over items for 0/1 metrics); differences and effects are means of per-item differences, tested with a sign-flip permutation test of the mean (exact up to ${summary.methods.exactLimit} non-tied items, else ${summary.methods.draws} Monte-Carlo sign patterns). Wilcoxon / McNemar p-values are secondary and test other questions.`,
      ...summary.methods.families.map((f) => `- Family: ${mdCell(f)}.`),
      summary.methods.excludedFromTests.length
        ? `- Not tested (timing, wall-clock): ${summary.methods.excludedFromTests.join(', ')}.`
        : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  if (summary.labels) out.push(labelsMarkdown(summary.labels));

  const max = options.maxFailures ?? 20;
  if (summary.failures.length) {
    out.push(`### Failures (${summary.failures.length})`);
    out.push(
      table(
        ['item', 'variant', 'model', 'repeat', 'stage', 'reason'],
        summary.failures
          .slice(0, max)
          .map((f) => [
            mdCell(f.itemId),
            `\`${mdCell(f.variant)}\``,
            mdCell(f.model),
            String(f.repeat),
            f.stage,
            mdCell(f.message.slice(0, 160)),
          ]),
      ),
    );
    if (summary.failures.length > max) out.push(`…and ${summary.failures.length - max} more (see results.csv).`);
  }
  return `${out.join('\n\n')}\n`;
}
