/** Rendering of a two-run comparison (`gherkin-bench compare`): a terminal table and Markdown. */
import type { RunComparison } from '../analysis/compare-runs.js';
import { formatDiff, formatInterval, formatP, formatTest } from '../analysis/format.js';
import { textTableLines } from '../text-table.js';
import { mdCell } from './markdown.js';

const HEADER = ['metric', 'variant', 'model', 'Δ (B − A)', '95% CI', 'test', 'p (Holm)', 'pairs', 'verdict'];

function rows(result: RunComparison): string[][] {
  return result.comparisons.map((c) => [
    c.metric,
    c.variant,
    c.model,
    formatDiff(c.meanDiff, c.metric),
    formatInterval(c.ci, c.metric),
    formatTest(c.test, c.draws),
    formatP(c.pHolm),
    String(c.pairs),
    c.significant ? (c.meanDiff > 0 ? 'B better' : 'B worse') : 'no significant difference',
  ]);
}

/** A plain-text comparison table. */
export function comparisonTable(result: RunComparison): string {
  const out = [
    `A = ${result.a.runId} (${result.a.models.join(', ')})`,
    `B = ${result.b.runId} (${result.b.models.join(', ')})`,
    `paired by ${result.pairing}`,
    '',
  ];
  out.push(...textTableLines(HEADER, rows(result)));
  for (const w of result.warnings) out.push(`warning: ${w}`);
  return `${out.join('\n')}\n`;
}

/** Markdown for a PR comment. */
export function comparisonMarkdown(result: RunComparison): string {
  const out = [
    `### gherkin-bench compare: \`${mdCell(result.b.runId)}\` (B) vs \`${mdCell(result.a.runId)}\` (A)`,
    '',
    `Paired by ${result.pairing}; Holm-corrected per metric.`,
    '',
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map(() => '---').join(' | ')} |`,
    ...rows(result).map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ];
  for (const w of result.warnings) out.push('', `> ⚠️ ${mdCell(w)}`);
  return `${out.join('\n')}\n`;
}
