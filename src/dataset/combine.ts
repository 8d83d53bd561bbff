/**
 * Several gold sets scored as one: the items of each, in order, under one name and one hash, so a
 * run (and its manifest, reports and gate) covers, e.g., the project's own golds and the
 * engineer-written set together. Ids must be unique across the sets.
 */
import { createHash } from 'node:crypto';
import { badInput } from '../errors.js';
import type { Dataset } from './types.js';

/** What an experiment scores when it names no dataset: the project's golds and the engineer-written set. */
export const DEFAULT_DATASETS: readonly string[] = ['security-controls', 'aws-config-rules'];

/**
 * One dataset made of `sets` (at least one): name `a+b`, hash sha256 over the sets' names and
 * hashes, items in order. A single set is returned as it is. An id found in two sets is a
 * bad-input error naming both.
 */
export function combineDatasets(sets: readonly Dataset[]): Dataset {
  const [first, ...rest] = sets;
  if (!first) throw new Error('combineDatasets needs at least one dataset');
  if (rest.length === 0) return first;
  const owner = new Map<string, string>();
  for (const set of sets) {
    for (const item of set.items) {
      const other = owner.get(item.id);
      if (other !== undefined)
        throw badInput(
          { file: set.dir, field: 'id' },
          `item "${item.id}" is also in ${other}; ids must be unique across the datasets of a run`,
        );
      owner.set(item.id, set.name);
    }
  }
  const hash = createHash('sha256');
  for (const set of sets) hash.update(`\0${set.name}\0${set.hash}`);
  return {
    name: sets.map((s) => s.name).join('+'),
    dir: first.dir,
    items: sets.flatMap((s) => s.items),
    hash: hash.digest('hex'),
  };
}
