/**
 * `gherkin-bench run` as one library call: plan the run (new or resumed), preflight its models
 * (before the run folder exists), run the engine, then the quick-look means, the failures grouped
 * by reason and the reports. The CLI only parses flags, wires the interrupt signal and
 * prints. It sits above run, analysis and report, so the engine imports neither.
 */

import { UserError } from '../errors.js';
import { runLabelAgreement } from '../labels/run-labels.js';
import { writeReports } from '../report/write.js';
import { type BatchRunOptions, type BatchRunStats, prepareBatchRun } from '../run/batch/run-batch.js';
import { type RunEvent, type RunOptions, type RunSummaryCounts, runExperiment } from '../run/engine.js';
import { type PlanRunInput, planRun } from '../run/execute.js';
import { preflight } from '../run/preflight.js';
import { readRun, type StoredRun } from '../run/store.js';
import { type FailureGroup, groupFailures } from './failures.js';
import { HEADLINE_CHECKS, type VariantMeans, variantMeans } from './means.js';

/** Inputs of {@link executeRun}: what plans the run, and how it runs. */
export interface ExecuteRunInput extends PlanRunInput {
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  /** Engine options for tests (a wrapped case runner, a clock). */
  engine?: Pick<RunOptions, 'runner' | 'now'>;
  /** Write the report files when the run completes (default true). */
  reports?: boolean;
  /** Check every model with one minimal call before any case runs (default true). */
  preflight?: boolean;
  /** Answer the Bedrock calls with batch inference jobs (`run --batch`; the experiment's `batch:` block). */
  batch?: Omit<BatchRunOptions, 'signal'>;
}

/** What a run command prints. */
export interface ExecuteRunResult {
  counts: RunSummaryCounts;
  /** Per variant × model means of parse, structure, grounding (and judge.overall with a judge). */
  means: VariantMeans[];
  metrics: readonly string[];
  /** The failed cases grouped by reason, most frequent first ([] when none failed). */
  failures: FailureGroup[];
  /** Report files written after a complete run ([] when interrupted or turned off). */
  reports: string[];
  /** Why writing the reports failed, if it did (the run itself is stored). */
  reportError: string | null;
  /** What the batch rounds did (`run --batch` only). */
  batch?: BatchRunStats;
}

/** Plan, run (or resume) and report an experiment. */
export async function executeRun(input: ExecuteRunInput): Promise<ExecuteRunResult> {
  const plan = await planRun(input);
  if (input.preflight !== false) {
    const problems = await preflight(plan, input.signal ? { signal: input.signal } : {});
    if (input.signal?.aborted)
      throw new UserError('INTERRUPTED', 'interrupted during the preflight; no case ran', { exitCode: 130 });
    if (problems.length) {
      const lines = problems.map((problem) => `preflight: ${problem}`);
      throw new UserError('BAD_INPUT', lines.join('\n'), { lines });
    }
  }
  const batch = input.batch
    ? await prepareBatchRun(plan, { ...input.batch, ...(input.signal ? { signal: input.signal } : {}) })
    : undefined;
  const counts = await runExperiment(batch?.plan ?? plan, {
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onEvent ? { onEvent: input.onEvent } : {}),
    ...input.engine,
    ...(batch ? { runner: batch.runner } : {}),
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
      reports = await afterRunReports(run.dir, run);
    } catch (error) {
      reportError = (error as Error).message;
    }
  }
  return {
    counts,
    means,
    metrics,
    failures: groupFailures(run.records),
    reports,
    reportError,
    ...(batch ? { batch: batch.stats } : {}),
  };
}

/**
 * The after-run hook: the report writer over the stored run, with the agreement of any expert
 * labels already given on it (a resumed run keeps its labels block). Returns the files written.
 */
export async function afterRunReports(runDir: string, run: StoredRun): Promise<string[]> {
  const labels = await runLabelAgreement(run, { seed: run.manifest.seed });
  return writeReports(runDir, run.manifest, run.records, { labels }).files;
}
