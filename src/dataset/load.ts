/**
 * Loading a dataset folder: `controls.csv` (the index) plus one gold `.feature` per row. Loading
 * is strict: the first error (malformed CSV, a bad cell, a duplicate id, a gold path outside the
 * folder, a missing file) stops it with a {@link UserError} naming file, line and column.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { badInput } from '../errors.js';
import { packagePath } from '../paths.js';
import { resolveGoldPath } from './gold-path.js';
import { parseIndex } from './index-file.js';
import { type Problem, problemsToError } from './problems.js';
import { INDEX_FILE, splitMethods } from './schema.js';
import type { Dataset, Item } from './types.js';

/** The shipped gold set's folder. */
export function defaultDatasetDir(): string {
  return packagePath('datasets', 'security-controls');
}

/** An item and where its row and gold file are, for validation messages. */
export interface LocatedItem {
  item: Item;
  /** The index line the row starts on. */
  line: number;
  /** The gold file as problems name it (`<dir>/<gold>`). */
  goldFile: string;
  /** The index file as problems name it (`<dir>/controls.csv`). */
  indexFile: string;
}

/** Everything {@link readDataset} found, problems included. */
export interface DatasetRead {
  /** The dataset made of the rows that had no problem (hash over the whole index and those golds). */
  dataset: Dataset;
  located: LocatedItem[];
  problems: Problem[];
  /** The index file as problems name it. */
  indexFile: string;
}

/**
 * Read a dataset folder and collect every problem instead of stopping at the first.
 * Throws only when the folder or its index cannot be read at all.
 */
export async function readDataset(dir: string): Promise<DatasetRead> {
  const indexFile = join(dir, INDEX_FILE);
  const folder = await stat(dir).catch(() => undefined);
  if (!folder?.isDirectory()) throw badInput({ file: dir }, 'not a dataset folder (it should hold controls.csv)');
  const indexBytes = await readFile(indexFile).catch(() => undefined);
  if (!indexBytes) throw badInput({ file: indexFile }, 'cannot read the index; a dataset folder holds controls.csv');

  const { rows, problems } = parseIndex(indexBytes.toString('utf8'), indexFile);
  const hash = createHash('sha256').update(indexBytes);
  const seen = new Map<string, number>();
  const located: LocatedItem[] = [];
  for (const { row, line } of rows) {
    const first = seen.get(row.id);
    if (first !== undefined) {
      problems.push({
        file: indexFile,
        line,
        field: 'id',
        message: `duplicate id "${row.id}" (first on line ${first}); ids must be unique`,
        severity: 'error',
        check: 'unique-id',
      });
      continue;
    }
    seen.set(row.id, line);
    const goldFile = join(dir, row.gold);
    const resolved = resolveGoldPath(dir, row.gold);
    if (!resolved.ok) {
      problems.push({
        file: indexFile,
        line,
        field: 'gold',
        message: resolved.message,
        severity: 'error',
        check: 'gold-path',
      });
      continue;
    }
    const bytes = await readFile(resolved.path);
    hash.update(`\0${row.gold}\0`).update(bytes);
    located.push({
      line,
      goldFile,
      indexFile,
      item: {
        id: row.id,
        controlId: row.control_id === '' ? null : row.control_id,
        service: row.service,
        resourceType: row.resource_type,
        category: row.category,
        severity: row.severity,
        requirement: row.requirement,
        methods: splitMethods(row.methods),
        gold: row.gold,
        goldText: bytes.toString('utf8'),
        split: row.split,
      },
    });
  }
  return {
    dataset: {
      name: basename(resolve(dir)),
      dir: resolve(dir),
      items: located.map((l) => l.item),
      hash: hash.digest('hex'),
    },
    located,
    problems,
    indexFile,
  };
}

/**
 * Load a dataset folder (default: the shipped `datasets/security-controls`). Throws a
 * {@link UserError} (exit 2) naming file, line and column at the first error.
 */
export async function loadDataset(dir: string = defaultDatasetDir()): Promise<Dataset> {
  const read = await readDataset(dir);
  const error = problemsToError(read.problems);
  if (error) throw error;
  return read.dataset;
}
