/** What the gate prints and writes: a compact table, JUnit XML, a Markdown block and GitHub annotations. */

import { formatDiff, formatInterval, formatValue } from '../analysis/format.js';
import { escapeXml, mdCell } from '../markup-escape.js';
import { textTableLines } from '../text-table.js';
import type { GateCheck, GateResult } from './evaluate.js';

/** A value in the metric's units (3 decimals for quality metrics; tokens, ms and USD as reports show them). */
const fmt = (c: GateCheck, v: number | null): string => formatValue(v, c.metric);
const fmtDiff = (c: GateCheck): string =>
  c.diff === null ? '–' : `${formatDiff(c.diff, c.metric)}${c.ci ? ` ${formatInterval(c.ci, c.metric)}` : ''}`;

function rows(result: GateResult): string[][] {
  return result.checks.map((c) => [c.name, fmt(c, c.baseline), fmt(c, c.current), fmtDiff(c), c.verdict.toUpperCase()]);
}
const HEADER = ['rule', 'baseline', 'current', 'Δ [95% CI]', 'verdict'];

/**
 * A plain-text table for the terminal: the verdict line first, then the failed checks, then the
 * passed ones (each group in rule order), so a failure is on the first screen.
 */
export function gateTable(result: GateResult): string {
  const failed = result.checks.filter((c) => c.verdict === 'fail');
  const ordered: GateResult = { ...result, checks: [...failed, ...result.checks.filter((c) => c.verdict !== 'fail')] };
  const out = [
    result.passed
      ? `gate: PASS (${result.checks.length} checks)`
      : `gate: FAIL (${failed.length} of ${result.checks.length} checks failed)`,
    '',
    ...textTableLines(HEADER, rows(ordered)),
  ];
  for (const w of result.warnings) out.push(`warning: ${w}`);
  if (result.flips.length) {
    out.push('', `Items that flipped from pass to fail (${result.flips.length}):`);
    for (const f of result.flips.slice(0, 50)) out.push(`  ${f.itemId}  ${f.metric}  [${f.variant}] ${f.model}`);
    if (result.flips.length > 50) out.push(`  … and ${result.flips.length - 50} more`);
  }
  return `${out.join('\n')}\n`;
}

/** JUnit XML: one test case per rule check. */
export function gateJunit(result: GateResult): string {
  const failures = result.checks.filter((c) => c.verdict === 'fail').length;
  const cases = result.checks.map((c) => {
    const body =
      c.verdict === 'fail'
        ? `\n      <failure message="${escapeXml(c.reason)}">${escapeXml(`baseline ${fmt(c, c.baseline)} current ${fmt(c, c.current)} diff ${fmtDiff(c)}`)}</failure>\n    `
        : '';
    return `    <testcase classname="gherkin-bench.gate.${escapeXml(c.metric)}" name="${escapeXml(c.name)}">${body}</testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="gherkin-bench gate" tests="${result.checks.length}" failures="${failures}">
  <testsuite name="gherkin-bench gate" tests="${result.checks.length}" failures="${failures}">
${cases.join('\n')}
  </testsuite>
</testsuites>
`;
}

/** A Markdown block for a PR comment or a job summary. */
export function gateMarkdown(result: GateResult): string {
  const failed = result.checks.filter((c) => c.verdict === 'fail');
  const out = [
    `### gherkin-bench gate: ${result.passed ? '✅ pass' : `❌ ${failed.length} of ${result.checks.length} checks failed`}`,
    '',
  ];
  out.push(`| ${HEADER.join(' | ')} |`, `| ${HEADER.map(() => '---').join(' | ')} |`);
  const shown = [...failed, ...result.checks.filter((c) => c.verdict === 'pass')];
  for (const r of shown.map((c) => [
    c.name,
    fmt(c, c.baseline),
    fmt(c, c.current),
    fmtDiff(c),
    c.verdict === 'fail' ? '❌ fail' : 'pass',
  ]))
    out.push(`| ${r.map(mdCell).join(' | ')} |`);
  for (const w of result.warnings) out.push('', `> ⚠️ ${mdCell(w)}`);
  if (result.flips.length) {
    out.push('', `<details><summary>${result.flips.length} items flipped from pass to fail</summary>`, '');
    for (const f of result.flips.slice(0, 100))
      out.push(`- \`${mdCell(f.itemId)}\` ${mdCell(f.metric)} [${mdCell(f.variant)}]`);
    out.push('', '</details>');
  }
  return `${out.join('\n')}\n`;
}

/** GitHub Actions workflow commands: an error annotation per failed check, a warning per flip group. */
export function githubAnnotations(result: GateResult): string[] {
  const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const out = result.checks
    .filter((c) => c.verdict === 'fail')
    .map(
      (c) =>
        `::error title=${escapeData(`gherkin-bench gate: ${c.name}`).replace(/[:,]/g, ' ')}::${escapeData(c.reason)}`,
    );
  for (const w of result.warnings) out.push(`::warning title=gherkin-bench gate::${escapeData(w)}`);
  if (result.flips.length)
    out.push(`::warning title=gherkin-bench gate::${result.flips.length} items flipped from pass to fail`);
  return out;
}
