/**
 * Sharded runs: `run --shard i/n` runs one deterministic slice of the case grid, so n machines
 * (a CI matrix) can share a study and `gherkin-bench merge` joins their run folders.
 *
 * The rule: sort the grid's case keys (each a sha256 of item, variant definition, model and
 * repeat); the case at sorted position p belongs to shard (p mod n) + 1. It depends only on the
 * set of case keys, so every machine planning the same experiment on the same dataset computes
 * the same slices; every case is in exactly one shard, and shard sizes differ by at most one.
 */
import type { PlannedCase } from '../config/plan.js';
import { UserError } from '../errors.js';

/** One slice of a case grid: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parse `i/n` (1 ≤ i ≤ n); anything else is a one-line usage error (exit 2). */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : Number.NaN;
  const count = match ? Number(match[2]) : Number.NaN;
  if (!match || count < 1 || index < 1 || index > count)
    throw new UserError('BAD_USAGE', `--shard ${text}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/4`);
  return { index, count };
}

/** `i/n`, as the flag and the manifest write it. */
export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** The keys of `cases` that belong to `shard` (see the module comment for the rule). */
export function shardKeys(cases: readonly PlannedCase[], shard: Shard): Set<string> {
  const sorted = cases.map((c) => c.key).sort();
  return new Set(sorted.filter((_, position) => position % shard.count === shard.index - 1));
}

/** The cases of `cases` in `shard`, in grid order. */
export function shardCases(cases: readonly PlannedCase[], shard: Shard): PlannedCase[] {
  const keys = shardKeys(cases, shard);
  return cases.filter((c) => keys.has(c.key));
}
