/**
 * Reading a run folder's files: manifest.json and results.jsonl, each parsed through its version's
 * schema and upgraded to the current version. A torn last line (a crash in the middle of an
 * append) is detected and dropped; any other damage is a clear error (exit 2).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { badInput, UserError } from '../errors.js';
import type { CaseRecord, RunManifest } from './types.js';
import { CASE_RECORD_KIND, MANIFEST_KIND } from './upgrades.js';
import { readRecord } from './versions.js';

/** File names inside a run folder. */
export const MANIFEST_FILE = 'manifest.json';
/** One CaseRecord per line. */
export const RESULTS_FILE = 'results.jsonl';

/** The parsed results.jsonl. */
export interface ParsedResults {
  records: CaseRecord[];
  /** Bytes of the file that hold whole, valid lines (a torn tail starts here). */
  validBytes: number;
  /** True when a torn last line was dropped. */
  tornTail: boolean;
}

/** Read manifest.json of a run folder, checked against its version's schema and upgraded to the current one. */
export async function readManifest(dir: string): Promise<RunManifest> {
  const file = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(
      'NOT_FOUND',
      `${dir}: not a run folder (no ${MANIFEST_FILE}); run folders are made by "gherkin-bench run"`,
      {
        cause: error,
      },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badInput({ file }, `not valid JSON (${(error as Error).message})`, error);
  }
  return readRecord(MANIFEST_KIND, value, { file });
}

/** Read results.jsonl of a run folder (a missing file is an error). */
export async function readResults(dir: string): Promise<ParsedResults> {
  const file = join(dir, RESULTS_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new UserError('NOT_FOUND', `${file}: missing; the run folder is incomplete`, { cause: error });
  }
  return parseResults(bytes, file);
}

/**
 * Parse results.jsonl bytes. The last line without a newline is torn (dropped); a bad line
 * elsewhere throws naming its line number. Duplicate keys keep the first record.
 */
export function parseResults(bytes: Buffer, file: string): ParsedResults {
  const records: CaseRecord[] = [];
  const seen = new Set<string>();
  let offset = 0;
  let line = 0;
  while (offset < bytes.length) {
    const end = bytes.indexOf(0x0a, offset);
    line++;
    if (end === -1) return { records, validBytes: offset, tornTail: true };
    const text = bytes.subarray(offset, end).toString('utf8');
    if (text.trim() !== '') {
      const record = parseRecord(text, file, line);
      if (!seen.has(record.key)) {
        seen.add(record.key);
        records.push(record);
      }
    }
    offset = end + 1;
  }
  return { records, validBytes: offset, tornTail: false };
}

/**
 * The records of results.jsonl one at a time, read in blocks, so a large file never sits in
 * memory whole. Like {@link parseResults}: a torn last line is skipped, a bad line throws naming
 * its line number, and a key seen before is skipped (the first record wins).
 */
export async function* streamResults(dir: string): AsyncGenerator<CaseRecord> {
  const file = join(dir, RESULTS_FILE);
  const seen = new Set<string>();
  let rest = '';
  let line = 0;
  try {
    for await (const block of createReadStream(file, { encoding: 'utf8' })) {
      const lines = (rest + (block as string)).split('\n');
      rest = lines.pop() ?? '';
      for (const text of lines) {
        line++;
        if (text.trim() === '') continue;
        const record = parseRecord(text, file, line);
        if (seen.has(record.key)) continue;
        seen.add(record.key);
        yield record;
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UserError('NOT_FOUND', `${file}: missing; the run folder is incomplete`, { cause: error });
    throw error;
  }
}

function parseRecord(text: string, file: string, line: number): CaseRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badInput({ file, line }, `not a JSON line (${(error as Error).message}); the results file is damaged`, error);
  }
  return readRecord(CASE_RECORD_KIND, value, { file, line });
}
