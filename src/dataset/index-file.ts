/**
 * Reading `controls.csv`: csv-parse does the parsing (BOM stripped, CRLF accepted); this module
 * keeps each record's first line, checks the header and the column count, and runs the row schema,
 * reporting every problem with file, line and column. Nothing is relaxed silently: a record with
 * the wrong number of fields is reported, never padded or cut.
 */
import { type CsvError, parse } from 'csv-parse/sync';
import type { Problem } from './problems.js';
import { COLUMNS, type Row, rowSchema } from './schema.js';

/** One schema-checked row and the line it starts on. */
export interface IndexRow {
  row: Row;
  line: number;
}

/** What {@link parseIndex} found. */
export interface IndexParse {
  rows: IndexRow[];
  problems: Problem[];
}

interface RawRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

const CSV_HINTS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'unbalanced quotes: a quoted field opened on this line is never closed; close it with "',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field; quote the whole field and double inner quotes ("")',
  CSV_INVALID_CLOSING_QUOTE: 'text after a closing quote; double quotes inside a quoted field ("")',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text after a closing quote; double quotes inside a quoted field ("")',
};

/** Parse the index text (`file` names it in problems). Never throws on bad input. */
export function parseIndex(text: string, file: string): IndexParse {
  const problems: Problem[] = [];
  // One line-ending convention, so csv-parse's line counter is exact for CRLF files too.
  const normalized = text.replace(/\r\n?/g, '\n');
  let lastEnd = 0;
  let records: RawRecord[];
  try {
    records = parse(normalized, {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true, // checked below, per record, with its line
      skip_empty_lines: false,
      on_record: (record, context) => {
        lastEnd = context.lines;
        return record;
      },
    }) as unknown as RawRecord[];
  } catch (error) {
    const csvError = error as CsvError & { lines?: number };
    const start = firstNonBlankAfter(normalized, lastEnd);
    const end = csvError.lines ?? start;
    const quoteError = csvError.code in CSV_HINTS;
    // A quote error is reported where its record starts: the line a person must fix.
    const message =
      quoteError && end > start
        ? `unbalanced quotes: a quoted field opened in this record is still open on line ${end}; close it with "`
        : (CSV_HINTS[csvError.code] ?? `malformed CSV: ${csvError.message}`);
    problems.push({ file, line: quoteError ? start : end, message, severity: 'error', check: 'csv' });
    return { rows: [], problems };
  }

  const located = records
    .map((r) => ({ record: r.record, line: r.info.lines - countNewlines(r.raw.replace(/\n$/, '')) }))
    .filter((r) => !(r.record.length === 1 && r.record[0]?.trim() === ''));
  const header = located.shift();
  if (!header) {
    problems.push({
      file,
      line: 1,
      message: `empty index; the header is ${COLUMNS.join(',')}`,
      severity: 'error',
      check: 'csv',
    });
    return { rows: [], problems };
  }
  const columns = header.record.map((c) => c.trim());
  const missing = COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    problems.push({
      file,
      line: header.line,
      message: `missing column(s) ${missing.join(', ')}; the header is ${COLUMNS.join(',')}`,
      severity: 'error',
      check: 'csv',
    });
    return { rows: [], problems };
  }
  const unknown = columns.filter((c) => !(COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) {
    problems.push({
      file,
      line: header.line,
      message: `unknown column(s) ${unknown.join(', ')} are ignored`,
      severity: 'warning',
      check: 'csv',
    });
  }

  const rows: IndexRow[] = [];
  for (const { record, line } of located) {
    if (record.length !== columns.length) {
      problems.push({
        file,
        line,
        message: `${record.length} fields, the header has ${columns.length}; quote fields that contain commas`,
        severity: 'error',
        check: 'csv',
      });
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((column, i) => {
      values[column] = (record[i] ?? '').trim();
    });
    const parsed = rowSchema.safeParse(values);
    if (parsed.success) {
      rows.push({ row: parsed.data, line });
      continue;
    }
    for (const issue of parsed.error.issues) {
      problems.push({
        file,
        line,
        field: String(issue.path[0] ?? ''),
        message: issue.message,
        severity: 'error',
        check: 'schema',
      });
    }
  }
  return { rows, problems };
}

function countNewlines(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\n') n++;
  return n;
}

/** The first line after `line` that is not blank (1-based). */
function firstNonBlankAfter(text: string, line: number): number {
  const lines = text.split('\n');
  for (let i = line; i < lines.length; i++) if ((lines[i] ?? '').trim() !== '') return i + 1;
  return line + 1;
}
