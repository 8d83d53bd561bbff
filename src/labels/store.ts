/**
 * The label store: one JSON line per label given, in `<run-dir>/labels/<annotator>.jsonl` (or a
 * chosen path). Each label is appended as one whole line and synced to disk before it is
 * acknowledged, so a crash loses at most the label being written (a torn last line, dropped
 * when read and cut off when the file is opened again). A later line for the same case and
 * criterion replaces an earlier one. One writer per file: a lock file beside it, holding the
 * writer's process id, keeps a second server off the same annotator's file; other annotators
 * write other files.
 */
import { type FileHandle, mkdir, open, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { badInput, UserError } from '../errors.js';

/** Schema id of one label line. */
export const LABEL_SCHEMA = 'gherkin-bench/label@1';

/** What an annotator can give a criterion: a point of the 1–5 scale, or "unsure". */
export type LabelValue = 1 | 2 | 3 | 4 | 5 | 'unsure';

const annotatorName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'annotator must be 1–64 letters, digits, ".", "_" or "-"');

const labelSchema = z
  .object({
    schema: z.literal(LABEL_SCHEMA),
    /** The run the case belongs to. */
    run: z.string().min(1),
    /** The case key (see caseKey). */
    case: z.string().min(1),
    item: z.string().min(1),
    annotator: annotatorName,
    rubric: z.string().min(1),
    mode: z.enum(['reference-guided', 'reference-free']),
    criterion: z.string().min(1),
    value: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal('unsure')]),
    /** When it was given (ISO 8601). */
    at: z.string().min(1),
  })
  .strict();

/** One label line. */
export type Label = z.output<typeof labelSchema>;

/** Check an annotator name (it becomes a file name); a UserError naming `--annotator` when bad. */
export function checkAnnotator(name: string): string {
  const parsed = annotatorName.safeParse(name);
  if (!parsed.success) throw new UserError('BAD_USAGE', `--annotator: ${parsed.error.issues[0]?.message}`);
  return name;
}

/** The default label file of an annotator in a run folder. */
export function labelFilePath(runDir: string, annotator: string): string {
  return join(runDir, 'labels', `${annotator}.jsonl`);
}

/** A parsed label file. */
export interface LabelFile {
  file: string;
  labels: Label[];
  /** Bytes holding whole lines (a torn tail starts here). */
  validBytes: number;
  tornTail: boolean;
}

/** Parse the text of a label file; a bad line (other than a torn last one) is a UserError naming file and line. */
export function parseLabels(text: string, file: string): LabelFile {
  const labels: Label[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let validBytes = 0;
  let tornTail = false;
  for (const [i, line] of lines.entries()) {
    const last = i === lines.length - 1;
    const bytes = Buffer.byteLength(line) + (last ? 0 : 1);
    if (line.trim() === '') {
      offset += bytes;
      if (!last) validBytes = offset;
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      if (last) {
        tornTail = true;
        break;
      }
      throw badInput({ file, line: i + 1 }, `not valid JSON (${(error as Error).message})`, error);
    }
    if (last) {
      // A whole JSON value without its newline is still a torn write: the line was not finished.
      tornTail = true;
      break;
    }
    const parsed = labelSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badInput({ file, line: i + 1, field: issue?.path.join('.') || 'line' }, issue?.message ?? 'invalid label');
    }
    labels.push(parsed.data);
    offset += bytes;
    validBytes = offset;
  }
  return { file, labels, validBytes, tornTail };
}

/** Read a label file (a missing file is a UserError). */
export async function readLabelFile(file: string): Promise<LabelFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw badInput({ file }, 'cannot read the label file (give label files written by "gherkin-bench label")', cause);
  }
  return parseLabels(text, file);
}

/** The latest value of each (case, criterion) of a list of labels, in order of first appearance. */
export function latestLabels(labels: readonly Label[]): Map<string, Map<string, LabelValue>> {
  const byCase = new Map<string, Map<string, LabelValue>>();
  for (const label of labels) {
    const criteria = byCase.get(label.case) ?? new Map<string, LabelValue>();
    criteria.set(label.criterion, label.value);
    byCase.set(label.case, criteria);
  }
  return byCase;
}

/** Whether a process id is alive (a lock left by a crashed server is taken over). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function takeLock(lock: string, file: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(pid) && pid > 0 && alive(pid))
        throw new UserError(
          'BAD_USAGE',
          `${file}: already being written by process ${pid} (lock ${basename(lock)}); label as another --annotator, or stop that server first`,
        );
      await rm(lock, { force: true });
    }
  }
  throw new UserError('BAD_USAGE', `${file}: cannot take the lock ${lock}`);
}

/** An open label file that labels are appended to, one synced line at a time. */
export class LabelWriter {
  readonly file: string;
  private readonly lock: string;
  private handle: FileHandle | null;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(file: string, lock: string, handle: FileHandle) {
    this.file = file;
    this.lock = lock;
    this.handle = handle;
  }

  /**
   * Open (creating) a label file for appending: take its lock, cut off a torn last line, and
   * return the writer with the labels already in the file.
   */
  static async open(file: string): Promise<{ writer: LabelWriter; existing: LabelFile }> {
    await mkdir(dirname(file), { recursive: true });
    const lock = `${file}.lock`;
    await takeLock(lock, file);
    try {
      const exists = await stat(file).catch(() => undefined);
      const existing = exists ? await readLabelFile(file) : { file, labels: [], validBytes: 0, tornTail: false };
      if (existing.tornTail) await truncate(file, existing.validBytes);
      const handle = await open(file, 'a');
      return { writer: new LabelWriter(file, lock, handle), existing };
    } catch (error) {
      await rm(lock, { force: true });
      throw error;
    }
  }

  /** Append labels as whole lines in one write and sync them to disk; resolves once they are durable. */
  append(...labels: Label[]): Promise<void> {
    const line = labels.map((label) => `${JSON.stringify(labelSchema.parse(label))}\n`).join('');
    const next = this.queue.then(async () => {
      if (!this.handle) throw new Error(`${this.file}: label writer is closed`);
      await this.handle.write(line);
      await this.handle.datasync();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Finish pending writes, close the file and release the lock. */
  async close(): Promise<void> {
    await this.queue;
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
    await rm(this.lock, { force: true });
  }
}
