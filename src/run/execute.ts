/**
 * `gherkin-bench run` as one library call: the config pipeline (locate → load → schema → flags →
 * cross-field checks → plan), or the stored plan of a run being resumed, then the engine, then
 * the reports. The CLI only parses flags, wires the interrupt signal and prints.
 */
import { join, resolve } from 'node:path';
import { applyFlags, caseChangingFlags, type RunFlags } from '../config/flags.js';
import { loadExperiment, parseExperiment } from '../config/load.js';
import { buildPlan, type RunPlan } from '../config/plan.js';
import { UserError } from '../errors.js';
import { writeReports } from '../report/write.js';
import { type RunEvent, type RunOptions, type RunSummaryCounts, runExperiment } from './engine.js';
import { HEADLINE_CHECKS, type VariantMeans, variantMeans } from './means.js';
import { MANIFEST_FILE, readManifest } from './records.js';
import { readRun } from './store.js';

/** Inputs of {@link executeRun}. */
export interface ExecuteRunInput {
  /** The experiment file (undefined: the default experiment). */
  file?: string;
  flags?: RunFlags;
  /** The process environment (only the variables config/env.ts names are used). */
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  /** Engine options for tests (a wrapped case runner, a clock). */
  engine?: Pick<RunOptions, 'runner' | 'now'>;
  /** Write the report files when the run completes (default true). */
  reports?: boolean;
}

/** What a run command prints. */
export interface ExecuteRunResult {
  counts: RunSummaryCounts;
  /** Per variant × model means of parse, structure, grounding (and judge.overall with a judge). */
  means: VariantMeans[];
  metrics: readonly string[];
  /** Report files written after a complete run ([] when interrupted or turned off). */
  reports: string[];
  /** Why writing the reports failed, if it did (the run itself is stored). */
  reportError: string | null;
}

/** Plan the run (new or resumed) without running it. */
export async function planRun(input: ExecuteRunInput): Promise<RunPlan> {
  const flags = input.flags ?? {};
  const cwd = input.cwd ?? process.cwd();
  if (flags.resume !== undefined) {
    if (input.file !== undefined)
      throw new UserError('BAD_USAGE', '--resume continues a stored run; do not name an experiment file with it');
    const refused = [
      ...caseChangingFlags(flags),
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
    return buildPlan({ config, file: manifest.source ?? null, baseDir: cwd }, { env: input.env, cwd, resumeDir: dir });
  }
  const loaded = await loadExperiment(input.file, cwd);
  const config = applyFlags(loaded.config, flags);
  return buildPlan({ ...loaded, config }, { env: input.env, cwd, ...(flags.runId ? { runId: flags.runId } : {}) });
}

/** Plan, run (or resume) and report an experiment. */
export async function executeRun(input: ExecuteRunInput): Promise<ExecuteRunResult> {
  const plan = await planRun(input);
  const counts = await runExperiment(plan, {
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onEvent ? { onEvent: input.onEvent } : {}),
    ...input.engine,
  });
  const run = await readRun(plan.runDir);
  const metrics = plan.judge ? [...HEADLINE_CHECKS, 'judge.overall'] : [...HEADLINE_CHECKS];
  const means = variantMeans(
    run.records,
    plan.variants.map((v) => v.name),
    plan.models,
    metrics,
  );
  let reports: string[] = [];
  let reportError: string | null = null;
  if (input.reports !== false && counts.remaining === 0) {
    try {
      reports = afterRunReports(run.dir, run);
    } catch (error) {
      reportError = (error as Error).message;
    }
  }
  return { counts, means, metrics, reports, reportError };
}

/** The after-run hook: issue 6's report writer over the stored run. Returns the files written. */
export function afterRunReports(runDir: string, run: Awaited<ReturnType<typeof readRun>>): string[] {
  return writeReports(runDir, run.manifest, run.records).files;
}
