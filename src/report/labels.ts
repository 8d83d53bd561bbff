/**
 * The report block of a run with expert labels: agreement between the annotators, and the judge
 * against them (whether it agrees with people as well as they agree with each other), in
 * Markdown for summary.md and as static HTML for index.html. Every cell is escaped.
 */
import type { LabelAgreement } from '../labels/agreement.js';
import { agreementHeadline, type CellTable, judgeTable, peopleTable } from '../labels/render.js';
import { escapeHtml, mdCell } from '../markup-escape.js';

const TITLE = 'Expert labels: agreement between people, and the judge against them';
const NO_JUDGE = 'The run has no judge scores, so the judge is not compared with the labels.';

function markdownTable(t: CellTable): string {
  return [
    `| ${t.header.map(mdCell).join(' | ')} |`,
    `| ${t.header.map(() => '---').join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ].join('\n');
}

/** The labels block of summary.md. */
export function labelsMarkdown(agreement: LabelAgreement): string {
  const judge = judgeTable(agreement);
  return [
    `### ${TITLE}`,
    `${mdCell(agreementHeadline(agreement))}; quadratic-weighted kappa and Krippendorff's ordinal alpha with 95% bootstrap intervals over cases.`,
    markdownTable(peopleTable(agreement)),
    judge ? markdownTable(judge) : NO_JUDGE,
  ].join('\n\n');
}

function htmlTable(t: CellTable): string {
  const head = t.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = t.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** The labels section of index.html ('' without labels). */
export function labelsHtml(agreement: LabelAgreement | undefined): string {
  if (!agreement) return '';
  const judge = judgeTable(agreement);
  return `<section id="labels"><h2>${escapeHtml(TITLE)}</h2><p>${escapeHtml(agreementHeadline(agreement))}</p><h3>Between people</h3>${htmlTable(peopleTable(agreement))}<h3>The judge against people</h3>${judge ? htmlTable(judge) : `<p>${escapeHtml(NO_JUDGE)}</p>`}</section>`;
}
