/**
 * The labelled calibration cases, resolved against the dataset (and the rubric), and what they
 * say about the scores: the judge's agreement with the labels, and how each deterministic metric
 * ranks the cases compared with the labels.
 */

import { spearman } from '../../analysis/agreement.js';
import type { Item } from '../../dataset/types.js';
import { badInput } from '../../errors.js';
import { scoreChecks } from '../checks.js';
import type { JudgeResult } from '../judge/judge.js';
import type { Rubric } from '../judge/rubric.js';
import { denormalise } from '../judge/samples.js';
import type { CheckMetric } from '../types.js';
import { agreementOf, type CriterionAgreement } from './agreement.js';
import type { CalibrationSet, LabelledCase } from './labels.js';

/** One labelled case with its item. */
export interface LabelledJob {
  /** `<file>#<case id>`. */
  label: string;
  item: Item;
  case: LabelledCase;
}

/**
 * Resolve every case's item (and, with a rubric, check its criteria); an unknown item or
 * criterion is a UserError naming the file and the field.
 */
export function resolveLabelledCases(
  sets: readonly CalibrationSet[],
  items: readonly Item[],
  rubric?: Rubric,
): LabelledJob[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const criteria = rubric ? new Set(rubric.criteria.map((c) => c.id)) : undefined;
  return sets.flatMap((set) =>
    set.cases.map((c) => {
      const item = byId.get(c.item);
      if (!item)
        throw badInput({ file: set.file, field: `cases[${c.id}].item` }, `unknown item "${c.item}" in the dataset`);
      if (criteria && rubric)
        for (const criterion of Object.keys(c.scores))
          if (!criteria.has(criterion))
            throw badInput(
              { file: set.file, field: `cases[${c.id}].scores.${criterion}` },
              `not a criterion of rubric "${rubric.name}" (${[...criteria].join(', ')})`,
            );
      return { label: `${set.file}#${c.id}`, item, case: c };
    }),
  );
}

/** The raw 1–5 judge score of a criterion from a judge result, or null. */
function rawScore(result: JudgeResult, criterion: string): number | null {
  const value = result.scores.find((s) => s.metric === `judge.${criterion}`)?.value;
  return value === null || value === undefined ? null : denormalise(value);
}

/** The judge's agreement with the labels, per rubric criterion (cases the judge failed on are left out). */
export function judgeAgreement(
  rubric: Rubric,
  jobs: readonly LabelledJob[],
  results: readonly JudgeResult[],
): { cases: number; criteria: CriterionAgreement[] } {
  const expert = new Map<string, number[]>();
  const model = new Map<string, number[]>();
  let cases = 0;
  jobs.forEach((job, i) => {
    const result = results[i];
    if (!result || result.error) return;
    cases++;
    for (const [criterion, score] of Object.entries(job.case.scores)) {
      const raw = rawScore(result, criterion);
      if (raw === null) continue;
      expert.set(criterion, [...(expert.get(criterion) ?? []), score]);
      model.set(criterion, [...(model.get(criterion) ?? []), raw]);
    }
  });
  return {
    cases,
    criteria: rubric.criteria.map((c) => agreementOf(c.id, expert.get(c.id) ?? [], model.get(c.id) ?? [])),
  };
}

/** Spearman's rho between one deterministic metric and one labelled criterion. */
export interface CheckLabelCorrelation {
  metric: CheckMetric;
  criterion: string;
  /** Cases where the metric has a value and the criterion a label. */
  n: number;
  spearman: number | null;
}

/** How each deterministic metric ranks the labelled cases compared with each labelled criterion. No model needed. */
export function checksVsLabels(
  jobs: readonly LabelledJob[],
  metrics?: readonly CheckMetric[],
): CheckLabelCorrelation[] {
  const scored = jobs.map((job) => ({
    labels: job.case.scores,
    values: new Map(
      scoreChecks(job.case.candidate, job.item, metrics ? { metrics } : undefined).map((s) => [s.metric, s.value]),
    ),
  }));
  const metricIds = [...new Set(scored.flatMap((s) => [...s.values.keys()]))] as CheckMetric[];
  const criteria = [...new Set(jobs.flatMap((j) => Object.keys(j.case.scores)))];
  return metricIds.flatMap((metric) =>
    criteria.map((criterion) => {
      const x: number[] = [];
      const y: number[] = [];
      for (const s of scored) {
        const value = s.values.get(metric);
        const label = s.labels[criterion];
        if (value === null || value === undefined || label === undefined) continue;
        x.push(value);
        y.push(label);
      }
      return { metric, criterion, n: x.length, spearman: spearman(x, y) };
    }),
  );
}
