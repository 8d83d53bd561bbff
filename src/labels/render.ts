/**
 * A label-agreement report as table cells and sentences, shared by the terminal (`judge
 * calibrate --labels`) and the run report (summary.md, index.html).
 */
import type { Estimate, JudgeVerdict, LabelAgreement } from './agreement.js';

const num = (v: number | null): string => (v === null ? '–' : v.toFixed(2));

/** A value and its interval, e.g. `0.72 [0.55, 0.84]`. */
export function formatEstimate(e: Estimate): string {
  if (e.value === null) return '–';
  return e.ci ? `${num(e.value)} [${num(e.ci.low)}, ${num(e.ci.high)}]` : num(e.value);
}

/** A plain cell table. */
export interface CellTable {
  header: string[];
  rows: string[][];
}

/** Agreement between people, one row per criterion. */
export function peopleTable(agreement: LabelAgreement): CellTable {
  return {
    header: ['criterion', 'cases', 'unsure', 'alpha (ordinal) [95% CI]', 'mean pairwise kappa [95% CI]'],
    rows: agreement.people.map((p) => [
      p.criterion,
      String(p.cases),
      String(p.unsure),
      formatEstimate(p.alpha),
      formatEstimate(p.kappa),
    ]),
  };
}

const VERDICTS: Record<JudgeVerdict, string> = {
  below: 'judge agrees less than people',
  'no-detectable-difference': 'as well as people (no detectable difference)',
  above: 'judge agrees more than people agree',
  'not-enough-labels': 'not enough labels to say',
};

/** The judge against people, one row per criterion; null when no judge scores were compared. */
export function judgeTable(agreement: LabelAgreement): CellTable | null {
  if (!agreement.judge) return null;
  return {
    header: [
      'criterion',
      'cases',
      'judge vs pooled kappa [95% CI]',
      ...agreement.annotators.map((a) => `vs ${a}`),
      'judge − people kappa [95% CI]',
      'verdict',
    ],
    rows: agreement.judge.map((j) => [
      j.criterion,
      String(j.cases),
      formatEstimate(j.pooled),
      ...j.annotators.map((a) => num(a.kappa)),
      formatEstimate(j.difference),
      VERDICTS[j.verdict],
    ]),
  };
}

/** One sentence on the whole: who labelled what. */
export function agreementHeadline(agreement: LabelAgreement): string {
  return `${agreement.cases} cases labelled by ${agreement.annotators.length} annotator${agreement.annotators.length === 1 ? '' : 's'} (${agreement.annotators.join(', ')})`;
}
