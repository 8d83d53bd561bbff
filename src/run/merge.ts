/**
 * `gherkin-bench merge`: join the run folders of `run --shard i/n` into one run folder, which
 * `report`, `gate` and `run --resume` then read like any other run. Shards of different plans,
 * a shard given twice and (unless allowed) a missing or unfinished shard are refused with one line.
 */
import { rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { canonicalJson, sha256 } from '../canonical-json.js';
import { UserError } from '../errors.js';
import { readManifest, streamResults } from './records.js';
import { shardLabel } from './shard.js';
import { RunStore } from './store.js';
import type { RunManifest } from './types.js';

/** Options of {@link mergeShards}. */
export interface MergeOptions {
  /** Merge even when shards are missing or unfinished (the merged run can be completed with `run --resume`). */
  allowPartial?: boolean;
  /** Clock (tests). */
  now?: () => Date;
}

/** What a merge wrote. */
export interface MergeResult {
  runDir: string;
  shards: string[];
  /** Cases of the whole grid, and of them stored ok, failed, and not stored. */
  cases: number;
  ok: number;
  failed: number;
  remaining: number;
  /** Shard labels (`i/n`) that were not given. */
  missingShards: string[];
}

/**
 * What must be equal for two run folders to be shards of one plan: the experiment (its `out`
 * aside: where a shard is stored does not change its cases), dataset, variants, models, seed,
 * repeats, prompts, rubric and the number of shards.
 */
function planIdentity(manifest: RunManifest): [string, string][] {
  const { out: _where, ...config } = manifest.config;
  return [
    ['experiment config (sha256)', sha256(canonicalJson(config)).slice(0, 12)],
    ['dataset (sha256)', manifest.dataset.hash.slice(0, 12)],
    ['variants', sha256(canonicalJson(manifest.variants)).slice(0, 12)],
    ['models', manifest.models.join(',')],
    ['seed', String(manifest.seed)],
    ['repeats', String(manifest.repeats)],
    ['prompts (sha256)', manifest.hashes.prompts.slice(0, 12)],
    ['rubric (sha256)', String(manifest.hashes.rubric).slice(0, 12)],
    ['shard count', String(manifest.shard?.count)],
  ];
}

/**
 * Merge shard run folders `dirs` into a new run folder `out`. Every record is checked (a case
 * key stored by two shards is refused) and copied whole; the manifest is the shards' plan
 * without the shard, with the whole grid's case count, counts and where it came from.
 */
export async function mergeShards(
  dirs: readonly string[],
  out: string,
  options: MergeOptions = {},
): Promise<MergeResult> {
  if (dirs.length === 0) throw new UserError('BAD_USAGE', 'merge: name the shard run folders to join');
  const manifests = await Promise.all(dirs.map((dir) => readManifest(dir)));
  const shards = manifests.map((manifest, i) => {
    const { shard } = manifest;
    if (!shard)
      throw new UserError(
        'BAD_INPUT',
        `${dirs[i]}: not a shard (its manifest has no shard); merge joins folders of gherkin-bench run --shard i/n`,
      );
    return shard;
  });
  const first = manifests[0] as RunManifest;
  const reference = planIdentity(first);
  manifests.forEach((manifest, i) => {
    const differing = planIdentity(manifest).flatMap(([name, value], j) => {
      const expected = reference[j]?.[1];
      return value === expected ? [] : [`${name} ${value} vs ${expected}`];
    });
    if (differing.length)
      throw new UserError(
        'BAD_INPUT',
        `${dirs[i]}: a different plan from ${dirs[0]} (${differing.join('; ')}); merge only shards of one experiment`,
      );
  });
  const byIndex = new Map<number, string>();
  shards.forEach((shard, i) => {
    const seen = byIndex.get(shard.index);
    if (seen !== undefined)
      throw new UserError(
        'BAD_INPUT',
        `${dirs[i]}: shard ${shardLabel(shard)} is also in ${seen}; give each shard once`,
      );
    byIndex.set(shard.index, dirs[i] as string);
  });
  const count = (first.shard as NonNullable<RunManifest['shard']>).count;
  const missingShards = Array.from({ length: count }, (_, i) => i + 1)
    .filter((index) => !byIndex.has(index))
    .map((index) => `${index}/${count}`);
  if (missingShards.length && !options.allowPartial)
    throw new UserError(
      'BAD_INPUT',
      `merge: shard ${missingShards.join(', ')} not given; add its run folder, or pass --allow-partial (then complete the merged run with gherkin-bench run --resume)`,
    );

  const now = options.now ?? (() => new Date());
  const gridCases = (first.shard as NonNullable<RunManifest['shard']>).gridCases;
  const { shard: _shard, counts: _counts, ...plan } = first;
  const startedAt = manifests.map((m) => m.startedAt).sort()[0] ?? now().toISOString();
  const merged: RunManifest = {
    ...plan,
    runId: basename(out),
    cases: gridCases,
    startedAt,
    finishedAt: null,
    mergedFrom: manifests.map((m) => ({
      runId: m.runId,
      shard: shardLabel(m.shard as NonNullable<RunManifest['shard']>),
    })),
  };
  if (await stat(out).catch(() => undefined))
    throw new UserError('BAD_USAGE', `${out} already exists; name a new folder with --out`);
  const store = await RunStore.create(out, merged);
  let ok = 0;
  let failed = 0;
  try {
    // Records stream from each shard's file to the merged store: a shard never sits in memory whole.
    for (const [i, dir] of dirs.entries()) {
      const manifest = manifests[i] as RunManifest;
      let stored = 0;
      let written: Promise<boolean> = Promise.resolve(true);
      for await (const record of streamResults(dir)) {
        if (store.has(record.key))
          throw new UserError(
            'BAD_INPUT',
            `${join(dir, 'results.jsonl')}: case ${record.key} is stored by another shard too; merge only shards of one experiment`,
          );
        written = store.append(record);
        if (++stored % 1000 === 0) await written;
        if (record.error) failed++;
        else ok++;
      }
      await written;
      if (stored < manifest.cases && !options.allowPartial)
        throw new UserError(
          'BAD_INPUT',
          `${dir}: shard ${shardLabel(manifest.shard as NonNullable<RunManifest['shard']>)} is unfinished (${stored}/${manifest.cases} cases); finish it with gherkin-bench run --resume ${dir}, or pass --allow-partial`,
        );
    }
    const remaining = gridCases - ok - failed;
    const finished = manifests.map((m) => m.finishedAt);
    await store.updateManifest((m) => ({
      ...m,
      finishedAt: remaining === 0 && finished.every((f) => f !== null) ? (finished.sort().at(-1) as string) : null,
      counts: { ok, failed, remaining },
    }));
    await store.close();
    return { runDir: out, shards: [...dirs], cases: gridCases, ok, failed, remaining, missingShards };
  } catch (error) {
    // A refused merge leaves nothing behind (the folder is new: checked above).
    await store.close();
    await rm(out, { recursive: true, force: true });
    throw error;
  }
}
