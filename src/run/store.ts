/**
 * The run store: `reports/<run-id>/manifest.json` + `results.jsonl`. Each finished case is
 * appended at once as one whole line (with the others finished meanwhile, then a data sync), so a
 * crash never loses finished work; a key already stored is never written twice; a torn last line is cut off on resume.
 */
import { type FileHandle, mkdir, open, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomicAsync } from '../atomic-write.js';
import { UserError } from '../errors.js';
import { MANIFEST_FILE, RESULTS_FILE, readManifest, readResults } from './records.js';
import type { CaseRecord, RunManifest } from './types.js';

/** Longest time between data syncs of results.jsonl while a run is going. */
export const SYNC_INTERVAL_MS = 1000;

/** A stored run as read back. */
export interface StoredRun {
  dir: string;
  manifest: RunManifest;
  records: CaseRecord[];
  /** True when a torn last line (from a crash) was dropped. */
  tornTail: boolean;
}

/**
 * Read a run folder: its manifest and every whole case record. Missing or damaged files throw a
 * {@link UserError} (exit 2) naming the file and line.
 */
export async function readRun(dir: string): Promise<StoredRun> {
  const manifest = await readManifest(dir);
  const { records, tornTail } = await readResults(dir);
  return { dir, manifest, records, tornTail };
}

/** How a stored case ended: without an error (`ok`) or with one (`failed`). */
export type CaseOutcome = 'ok' | 'failed';

/**
 * An open run folder that case records are appended to. In memory it keeps only each stored
 * key's outcome, never the records (those stay on disk in results.jsonl), so a long run's memory
 * does not grow with what its cases hold.
 */
export class RunStore {
  readonly dir: string;
  private manifestValue: RunManifest;
  /** Stored keys and whether each case failed. */
  private readonly outcomes: Map<string, CaseOutcome>;
  private handle: FileHandle | null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Lines waiting for the write in flight to finish; they go out together. */
  private waiting: { lines: Buffer[]; bytes: number; written: Promise<boolean> } | null = null;
  private lastSync = Date.now();

  private constructor(dir: string, manifest: RunManifest, records: CaseRecord[], handle: FileHandle) {
    this.dir = dir;
    this.manifestValue = manifest;
    this.outcomes = new Map(records.map((r) => [r.key, outcomeOf(r)]));
    this.handle = handle;
  }

  /** Make a new run folder with its manifest and an empty results file. Refuses an existing run folder. */
  static async create(dir: string, manifest: RunManifest): Promise<RunStore> {
    const existing = await stat(join(dir, MANIFEST_FILE)).catch(() => undefined);
    if (existing)
      throw new UserError(
        'BAD_USAGE',
        `${dir} already holds a run; continue it with: gherkin-bench run --resume ${dir}`,
      );
    try {
      await mkdir(dir, { recursive: true });
    } catch (cause) {
      // e.g. --out names a file (ENOTDIR) or a folder we may not write (EACCES)
      const code = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
      throw new UserError(
        'BAD_USAGE',
        `${dir}: cannot create the run folder (${code}); check --out or the file's out:`,
        {
          cause,
        },
      );
    }
    await writeFileAtomicAsync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const handle = await open(join(dir, RESULTS_FILE), 'a');
    return new RunStore(dir, manifest, [], handle);
  }

  /** Open an existing run folder to continue it: reads its records and cuts off a torn last line. */
  static async open(dir: string): Promise<RunStore> {
    const manifest = await readManifest(dir);
    const file = join(dir, RESULTS_FILE);
    const exists = await stat(file).catch(() => undefined);
    if (!exists) await writeFile(file, '');
    const parsed = await readResults(dir);
    if (parsed.tornTail) await truncate(file, parsed.validBytes);
    const handle = await open(file, 'a');
    return new RunStore(dir, manifest, parsed.records, handle);
  }

  /** The manifest as last written. */
  get manifest(): RunManifest {
    return this.manifestValue;
  }

  /** How a stored case ended, or undefined when it is not stored. */
  outcome(key: string): CaseOutcome | undefined {
    return this.outcomes.get(key);
  }

  /** True when the case is stored. */
  has(key: string): boolean {
    return this.outcomes.has(key);
  }

  /**
   * Append one finished case. Lines are written whole, in order: the cases finished while a write
   * is in flight go out together in the next write (one write per case cost a thread-pool round
   * trip on every case's path), so a process crash loses at most the lines being written (a torn
   * last line, dropped on resume); a data sync to disk follows at most every
   * {@link SYNC_INTERVAL_MS} and at close (power loss). Returns false, writing nothing, when its
   * key is already stored; otherwise resolves once its line is written.
   */
  append(record: CaseRecord): Promise<boolean> {
    if (this.outcomes.has(record.key)) return Promise.resolve(false);
    this.outcomes.set(record.key, outcomeOf(record));
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    const waiting = this.waiting;
    if (waiting) {
      waiting.lines.push(line);
      waiting.bytes += line.length;
      return waiting.written;
    }
    const batch: { lines: Buffer[]; bytes: number; written: Promise<boolean> } = {
      lines: [line],
      bytes: line.length,
      written: Promise.resolve(true),
    };
    this.waiting = batch;
    batch.written = this.queue.then(async () => {
      if (this.waiting === batch) this.waiting = null;
      const handle = this.handle;
      if (!handle) throw new Error(`run store ${this.dir} is closed`);
      const data = batch.lines.length === 1 ? (batch.lines[0] as Buffer) : Buffer.concat(batch.lines, batch.bytes);
      await handle.write(data, 0, data.length);
      if (Date.now() - this.lastSync >= SYNC_INTERVAL_MS) {
        await handle.datasync();
        this.lastSync = Date.now();
      }
      return true;
    });
    this.queue = batch.written.catch(() => undefined);
    return batch.written;
  }

  /** Bytes of the lines handed to {@link append} that wait for the write in flight (memory outside the heap). */
  get waitingBytes(): number {
    return this.waiting?.bytes ?? 0;
  }

  /** Replace the manifest (atomically) with `update` applied to it. */
  async updateManifest(update: (manifest: RunManifest) => RunManifest): Promise<void> {
    const next = update(this.manifestValue);
    await writeFileAtomicAsync(join(this.dir, MANIFEST_FILE), `${JSON.stringify(next, null, 2)}\n`);
    this.manifestValue = next;
  }

  /** Wait for pending appends and close the results file. */
  async close(): Promise<void> {
    await this.queue;
    const handle = this.handle;
    this.handle = null;
    await handle?.datasync();
    await handle?.close();
  }
}

function outcomeOf(record: CaseRecord): CaseOutcome {
  return record.error ? 'failed' : 'ok';
}
