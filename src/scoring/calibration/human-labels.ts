/**
 * `judge calibrate --labels <files>…`: the judge measured against people. Reads the label files
 * of one run (written by `gherkin-bench label`), tabulates them, and compares the judge with the
 * pooled labels and with each annotator, next to how well the annotators agree with each other.
 * The judge's scores are the ones the run stored, or, with a judge model, fresh scores of the
 * labelled candidates (to test a new judge model or rubric against the same labels).
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import pLimit from 'p-limit';
import type { Item } from '../../dataset/types.js';
import { badInput, UserError } from '../../errors.js';
import type { CaseUsage } from '../../generation/types.js';
import { addCaseUsage, emptyUsage } from '../../generation/usage.js';
import { type JudgeScores, type LabelAgreement, labelAgreement } from '../../labels/agreement.js';
import { tabulateLabels } from '../../labels/ratings.js';
import { judgeCriteria, storedJudgeScores } from '../../labels/run-labels.js';
import { readLabelFile } from '../../labels/store.js';
import { MANIFEST_FILE } from '../../run/records.js';
import { readRun } from '../../run/store.js';
import type { RunItem } from '../../run/types.js';
import { judgeCandidate } from '../judge/judge.js';
import type { CalibrationJudge } from './calibrate.js';

/** Where the judge's scores came from. */
export type JudgeSource =
  | { kind: 'stored'; model: string; rubric: string }
  | {
      kind: 'model';
      model: string;
      rubric: string;
      rubricHash: string;
      mode: string;
      failures: { case: string; error: string }[];
      usage: CaseUsage;
    };

/** What `judge calibrate --labels` reports. */
export interface LabelCalibrationReport extends LabelAgreement {
  runDir: string;
  /** Null when no judge scores were available (a run without a judge, and no --judge). */
  judgeSource: JudgeSource | null;
  notes: string[];
}

/** What {@link calibrateAgainstLabels} needs. */
export interface LabelCalibrationOptions {
  /** Label files of one run. */
  files: readonly string[];
  /** The run folder (default: the folder holding the files' `labels/` folder). */
  runDir?: string;
  /** Judge the labelled candidates afresh with this judge (default: the run's stored judge scores). */
  judge?: CalibrationJudge;
  seed?: number;
  resamples?: number;
  /** Parallel judge calls (default 4). */
  concurrency?: number;
}

function runDirOf(files: readonly string[]): string {
  const first = files[0] as string;
  const candidate = dirname(dirname(first));
  if (basename(dirname(first)) === 'labels' && existsSync(join(candidate, MANIFEST_FILE))) return candidate;
  throw new UserError(
    'BAD_USAGE',
    `--labels: ${first} is not in a run folder's labels/ folder; name the run with --run <run-dir>`,
  );
}

/** The item the judge prompt needs, from what the run kept of it. */
function itemOf(item: RunItem): Item {
  return { ...item, methods: [], gold: '', split: 'eval' } as unknown as Item;
}

async function freshScores(
  judge: CalibrationJudge,
  cases: { key: string; candidate: string; item: Item }[],
  concurrency: number,
): Promise<{ scores: JudgeScores; source: JudgeSource }> {
  const usage = emptyUsage();
  const failures: { case: string; error: string }[] = [];
  const limit = pLimit(concurrency);
  const mode = judge.mode ?? 'reference-guided';
  const scores: JudgeScores = new Map();
  await Promise.all(
    cases.map((c) =>
      limit(async () => {
        const result = await judgeCandidate({
          ...judge,
          candidate: c.candidate,
          item: c.item,
          mode,
          samples: judge.samples ?? 1,
        });
        addCaseUsage(usage, result.usage);
        if (result.error) failures.push({ case: c.key, error: result.error });
        const criteria = judgeCriteria(result.scores);
        if (Object.keys(criteria).length > 0) scores.set(c.key, criteria);
      }),
    ),
  );
  if (!judge.costOf) usage.costUsd = null;
  return {
    scores,
    source: {
      kind: 'model',
      model: judge.provider.id,
      rubric: judge.rubric.name,
      rubricHash: judge.rubric.hash,
      mode,
      failures: failures.sort((a, b) => (a.case < b.case ? -1 : 1)),
      usage,
    },
  };
}

/** Compare the judge with the labels of one run, and the annotators with each other. */
export async function calibrateAgainstLabels(options: LabelCalibrationOptions): Promise<LabelCalibrationReport> {
  if (options.files.length === 0) throw new UserError('BAD_USAGE', '--labels: give at least one label file');
  const table = tabulateLabels(await Promise.all(options.files.map((f) => readLabelFile(f))));
  const runDir = options.runDir ?? runDirOf(options.files);
  const run = await readRun(runDir);
  if (run.manifest.runId !== table.run)
    throw badInput(
      { file: options.files[0], field: 'run' },
      `labels of run "${table.run}", but ${runDir} is run "${run.manifest.runId}"; name the labelled run with --run`,
    );
  const notes: string[] = [];
  if (table.annotators.length < 2)
    notes.push('people: one annotator only; agreement between people needs label files of two or more');
  let judgeScores: JudgeScores | null = null;
  let judgeSource: JudgeSource | null = null;
  if (options.judge) {
    const records = new Map(run.records.map((r) => [r.key, r]));
    const items = new Map(run.manifest.items.map((i) => [i.id, i]));
    const cases = table.cases.flatMap((key) => {
      const record = records.get(key);
      const item = record && items.get(record.itemId);
      return record?.candidate && item ? [{ key, candidate: record.candidate, item: itemOf(item) }] : [];
    });
    ({ scores: judgeScores, source: judgeSource } = await freshScores(options.judge, cases, options.concurrency ?? 4));
    if (!table.rubrics.includes(options.judge.rubric.name))
      notes.push(
        `rubric: labels given under ${table.rubrics.join(', ')}, judge rubric is ${options.judge.rubric.name}`,
      );
  } else {
    const stored = storedJudgeScores(run.records);
    if (stored.size > 0 && run.manifest.judge) {
      judgeScores = stored;
      judgeSource = { kind: 'stored', model: run.manifest.judge.model, rubric: run.manifest.judge.rubric };
    } else notes.push('judge: the run has no judge scores; give --judge MODEL to judge the labelled cases');
  }
  const agreement = labelAgreement(table, judgeScores, {
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
  });
  return { ...agreement, runDir, judgeSource, notes };
}
