/**
 * What a set of label files says: how well the annotators agree with each other (Krippendorff's
 * ordinal alpha and mean pairwise quadratic-weighted kappa, per criterion, with bootstrap
 * intervals over cases), and, given the judge's scores of the same cases, how well the judge
 * agrees with them — with the pooled label, with each annotator, and whether it agrees with
 * people as well as they agree with each other.
 */
import {
  bootstrapRatings,
  kappaBetween,
  krippendorffAlpha,
  meanPairwiseKappa,
  type Ratings,
} from '../analysis/agreement.js';
import { seededUniform } from '../analysis/random.js';
import type { Interval } from '../analysis/types.js';
import { type LabelTable, pooledRating, ratingsOf } from './ratings.js';

/** Schema id of a label-agreement report. */
export const LABEL_AGREEMENT_SCHEMA = 'gherkin-bench/label-agreement@1';

/** A statistic and its 95% bootstrap interval over cases (null when undefined). */
export interface Estimate {
  value: number | null;
  ci: Interval | null;
}

/** Agreement between the annotators on one criterion. */
export interface PeopleAgreement {
  criterion: string;
  /** Cases rated (not unsure) by at least two annotators. */
  cases: number;
  unsure: number;
  alpha: Estimate;
  /** Mean quadratic-weighted kappa over every pair of annotators. */
  kappa: Estimate;
}

/**
 * Whether the judge agrees with people as well as they agree with each other: the 95% interval
 * of (judge's mean kappa with each annotator − annotators' mean pairwise kappa) lies below 0
 * (`below`), above 0 (`above`), or straddles it (`no-detectable-difference`); `not-enough-labels`
 * with fewer than two annotators or too few shared cases.
 */
export type JudgeVerdict = 'below' | 'no-detectable-difference' | 'above' | 'not-enough-labels';

/** The judge against the annotators on one criterion. */
export interface JudgeVsPeople {
  criterion: string;
  /** Cases with a judge score and at least one label. */
  cases: number;
  /** Quadratic-weighted kappa of the judge with the pooled (rounded mean) label. */
  pooled: Estimate;
  /** Kappa of the judge with each annotator. */
  annotators: { annotator: string; cases: number; kappa: number | null }[];
  /** Mean of the judge's kappa with each annotator. */
  judgeKappa: number | null;
  /** Mean pairwise kappa between annotators. */
  peopleKappa: number | null;
  /** judgeKappa − peopleKappa with its interval. */
  difference: Estimate;
  verdict: JudgeVerdict;
}

/** The judge's 1–5 scores by case key and criterion. */
export type JudgeScores = Map<string, Record<string, number>>;

/** What {@link labelAgreement} reports. */
export interface LabelAgreement {
  schema: typeof LABEL_AGREEMENT_SCHEMA;
  run: string;
  files: string[];
  annotators: string[];
  /** Cases labelled by anyone. */
  cases: number;
  people: PeopleAgreement[];
  /** Null when no judge scores were given. */
  judge: JudgeVsPeople[] | null;
}

/** Options of {@link labelAgreement}. */
export interface LabelAgreementOptions {
  /** Seed of the bootstrap (default 1). */
  seed?: number;
  /** Bootstrap resamples (default 2000). */
  resamples?: number;
}

const estimate = (
  ratings: Ratings,
  statistic: (r: Ratings) => number | null,
  seed: number,
  resamples: number | undefined,
): Estimate => {
  const value = statistic(ratings);
  return {
    value,
    ci:
      value === null ? null : bootstrapRatings(ratings, statistic, seededUniform(seed), resamples ? { resamples } : {}),
  };
};

function judgeVsPeople(
  table: LabelTable,
  criterion: string,
  judge: JudgeScores,
  seed: number,
  resamples: number | undefined,
): JudgeVsPeople {
  const people = ratingsOf(table, criterion);
  const k = table.annotators.length;
  // Columns: each annotator, then the judge, then the pooled label.
  const rows: (number | null)[][] = [];
  people.forEach((row, i) => {
    const score = judge.get(table.cases[i] as string)?.[criterion];
    const pooled = pooledRating(row);
    if (score === undefined || pooled === null) return;
    rows.push([...row, score, pooled]);
  });
  const judgeMean = (r: Ratings): number | null => {
    const kappas = table.annotators.map((_, a) => kappaBetween(r, a, k)).filter((v): v is number => v !== null);
    return kappas.length === 0 ? null : kappas.reduce((x, y) => x + y, 0) / kappas.length;
  };
  const peopleMean = (r: Ratings): number | null => meanPairwiseKappa(r.map((row) => row.slice(0, k)));
  const difference = (r: Ratings): number | null => {
    const j = judgeMean(r);
    const p = peopleMean(r);
    return j === null || p === null ? null : j - p;
  };
  const diff = estimate(rows, difference, seed, resamples);
  const verdict: JudgeVerdict =
    k < 2 || diff.ci === null
      ? 'not-enough-labels'
      : diff.ci.high < 0
        ? 'below'
        : diff.ci.low > 0
          ? 'above'
          : 'no-detectable-difference';
  return {
    criterion,
    cases: rows.length,
    pooled: estimate(rows, (r) => kappaBetween(r, k, k + 1), seed, resamples),
    annotators: table.annotators.map((annotator, a) => ({
      annotator,
      cases: rows.filter((row) => row[a] !== null).length,
      kappa: kappaBetween(rows, a, k),
    })),
    judgeKappa: judgeMean(rows),
    peopleKappa: peopleMean(rows),
    difference: diff,
    verdict,
  };
}

/** Agreement among the annotators of a label table and, with judge scores, of the judge with them. */
export function labelAgreement(
  table: LabelTable,
  judge: JudgeScores | null,
  options: LabelAgreementOptions = {},
): LabelAgreement {
  const seed = options.seed ?? 1;
  const people = table.criteria.map((criterion): PeopleAgreement => {
    const ratings = ratingsOf(table, criterion);
    return {
      criterion,
      cases: ratings.filter((row) => row.filter((v) => v !== null).length >= 2).length,
      unsure: table.unsure.get(criterion) ?? 0,
      alpha: estimate(ratings, (r) => krippendorffAlpha(r, 'ordinal'), seed, options.resamples),
      kappa: estimate(ratings, (r) => meanPairwiseKappa(r), seed, options.resamples),
    };
  });
  return {
    schema: LABEL_AGREEMENT_SCHEMA,
    run: table.run,
    files: table.files,
    annotators: table.annotators,
    cases: table.cases.length,
    people,
    judge: judge
      ? table.criteria.map((criterion) => judgeVsPeople(table, criterion, judge, seed, options.resamples))
      : null,
  };
}
