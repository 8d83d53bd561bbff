/** The printed table of `npm run bench` (GitHub Markdown, so it can be pasted into the README). */
import type { ResultRow } from './measure.js';

/** A number with sensible precision for its size. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

function targetText(row: ResultRow): string {
  return row.target ? `${row.target.op} ${formatNumber(row.target.value)}` : '–';
}

function verdict(row: ResultRow): string {
  if (row.pass === null) return '';
  return row.pass ? 'met' : '**missed**';
}

/** The results as a Markdown table: one row per measurement. */
export function resultsTable(rows: readonly ResultRow[]): string {
  const header = '| benchmark | measurement | median | min | max | runs | target | |';
  const rule = '|---|---|--:|--:|--:|--:|--:|---|';
  let last = '';
  const lines = rows.map((row) => {
    const title = row.title === last ? '' : row.title;
    last = row.title;
    const unit = row.unit ? ` ${row.unit}` : '';
    return `| ${title} | ${row.metric} | ${formatNumber(row.median)}${unit} | ${formatNumber(row.min)} | ${formatNumber(row.max)} | ${row.runs} | ${targetText(row)} | ${verdict(row)} |`;
  });
  return [header, rule, ...lines].join('\n');
}

/** The notes under the table: what each measurement measures, numbered by benchmark. */
export function resultsNotes(rows: readonly ResultRow[]): string {
  return rows
    .filter((row) => row.note)
    .map((row) => `- ${row.title} — ${row.metric}: ${row.note}`)
    .join('\n');
}
