/**
 * The labels stored in a run folder (`<run-dir>/labels/*.jsonl`) and the judge scores the run
 * stored for the same cases: what the report of a run with labels and `judge calibrate --labels`
 * compare. Needs no model.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseRecord } from '../run/types.js';
import { denormalise } from '../scoring/judge/samples.js';
import type { Score } from '../scoring/types.js';
import { type JudgeScores, type LabelAgreement, type LabelAgreementOptions, labelAgreement } from './agreement.js';
import { tabulateLabels } from './ratings.js';
import { readLabelFile } from './store.js';

/** The label files of a run folder, sorted; empty when it has none. */
export async function runLabelFiles(runDir: string): Promise<string[]> {
  const dir = join(runDir, 'labels');
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => n.endsWith('.jsonl'))
    .sort()
    .map((n) => join(dir, n));
}

/** The raw 1–5 judge score of each criterion in a list of scores (judge.overall and missing values left out). */
export function judgeCriteria(scores: readonly Score[]): Record<string, number> {
  const criteria: Record<string, number> = {};
  for (const score of scores)
    if (score.metric.startsWith('judge.') && score.metric !== 'judge.overall' && typeof score.value === 'number')
      criteria[score.metric.slice('judge.'.length)] = denormalise(score.value);
  return criteria;
}

/** The judge's stored 1–5 scores of a run's cases, per criterion (judge.overall left out). */
export function storedJudgeScores(records: readonly CaseRecord[]): JudgeScores {
  const scores: JudgeScores = new Map();
  for (const record of records) {
    const criteria = judgeCriteria(record.scores);
    if (Object.keys(criteria).length > 0) scores.set(record.key, criteria);
  }
  return scores;
}

/**
 * The agreement of a run's labels (among annotators and, when the run has judge scores, of the
 * judge with them); null when the run folder has no label file with labels of this run.
 */
export async function runLabelAgreement(
  run: { dir: string; manifest: { runId: string }; records: readonly CaseRecord[] },
  options: LabelAgreementOptions = {},
): Promise<LabelAgreement | null> {
  const files = await Promise.all((await runLabelFiles(run.dir)).map((f) => readLabelFile(f)));
  const own = files
    .map((f) => ({ ...f, labels: f.labels.filter((l) => l.run === run.manifest.runId) }))
    .filter((f) => f.labels.length > 0);
  if (own.length === 0) return null;
  const judge = storedJudgeScores(run.records);
  return labelAgreement(tabulateLabels(own), judge.size > 0 ? judge : null, options);
}
