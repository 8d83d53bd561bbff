/**
 * Planning a run: the config pipeline (locate → load → schema → flags → cross-field checks →
 * plan), or the stored plan of a run being resumed. `executeRun` (src/experiment/) then runs and
 * reports it.
 */
import { dirname, join, resolve } from 'node:path';
import { applyFlags, caseChangingFlags, type RunFlags } from '../config/flags.js';
import { loadExperiment, parseExperiment } from '../config/load.js';
import { buildPlan, type RunPlan } from '../config/plan.js';
import { UserError } from '../errors.js';
import { MANIFEST_FILE, readManifest } from './records.js';
import { type Shard, shardCases } from './shard.js';

/** What planning a run reads: the experiment file, flags, environment and working folder. */
export interface PlanRunInput {
  /** The experiment file (undefined: the default experiment). */
  file?: string;
  flags?: RunFlags;
  /** The process environment (only the variables config/env.ts names are used). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The folder relative paths (experiment file, --out, --resume) resolve against. */
  cwd: string;
  /** Run only this shard of the case grid (`run --shard i/n`; a resumed shard keeps its own). */
  shard?: Shard;
}

/** Plan the run (new or resumed) without running it. */
export async function planRun(input: PlanRunInput): Promise<RunPlan> {
  const flags = input.flags ?? {};
  const { cwd } = input;
  if (flags.resume !== undefined) {
    if (input.file !== undefined)
      throw new UserError('BAD_USAGE', '--resume continues a stored run; do not name an experiment file with it');
    const refused = [
      ...caseChangingFlags(flags),
      ...(input.shard ? ['--shard'] : []),
      ...(flags.out ? ['--out'] : []),
      ...(flags.runId ? ['--run-id'] : []),
    ];
    if (refused.length)
      throw new UserError(
        'BAD_USAGE',
        `${refused.join(', ')} cannot be combined with --resume (the stored run fixes its cases)`,
      );
    const dir = resolve(cwd, flags.resume);
    const manifest = await readManifest(dir);
    const stored = parseExperiment(manifest.config, join(dir, MANIFEST_FILE));
    const config = applyFlags(stored, { ...flags, resume: undefined });
    const plan = await buildPlan(
      { config, file: manifest.source ?? null, baseDir: cwd },
      { env: input.env, cwd, resumeDir: dir },
    );
    return manifest.shard ? sharded(plan, manifest.shard) : plan;
  }
  const loaded = await loadExperiment(input.file, cwd);
  const config = applyFlags(loaded.config, flags);
  const plan = await buildPlan(
    { ...loaded, config },
    { env: input.env, cwd, ...(flags.runId ? { runId: flags.runId } : {}) },
  );
  if (!input.shard) return plan;
  const shard = sharded(plan, input.shard);
  // A generated run id says which shard the folder holds (`…-shard-2of4`); a given --run-id is kept.
  if (flags.runId) return shard;
  const runId = `${plan.runId}-shard-${input.shard.index}of${input.shard.count}`;
  return { ...shard, runId, runDir: join(dirname(plan.runDir), runId) };
}

/** The plan narrowed to one shard of its case grid (src/run/shard.ts says which cases). */
function sharded(plan: RunPlan, shard: Shard): RunPlan {
  return {
    ...plan,
    cases: shardCases(plan.cases, shard),
    shard: { index: shard.index, count: shard.count, gridCases: plan.cases.length },
  };
}
