/**
 * Agreement between judge scores and expert reference scores on an ordinal 1–5 scale:
 * quadratic-weighted Cohen's kappa (written here: small, tested against textbook values),
 * Spearman's rank correlation (simple-statistics) and the confusion matrix.
 */
import { sampleRankCorrelation } from 'simple-statistics';

/** Rows: expert score 1..k, columns: judge score 1..k; counts. */
export type ConfusionMatrix = number[][];

/** The k×k confusion matrix of paired ratings on categories 1..k (ratings are rounded and clamped). */
export function confusionMatrix(expert: readonly number[], judge: readonly number[], k = 5): ConfusionMatrix {
  if (expert.length !== judge.length) throw new Error('confusionMatrix: rating lists differ in length');
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const clamp = (v: number): number => Math.min(k, Math.max(1, Math.round(v))) - 1;
  for (let i = 0; i < expert.length; i++)
    (matrix[clamp(expert[i] as number)] as number[])[clamp(judge[i] as number)]! += 1;
  return matrix;
}

/**
 * Cohen's weighted kappa with quadratic weights w_ij = (i − j)² / (k − 1)² over a confusion
 * matrix: 1 − Σ w·O / Σ w·E, E the product of the marginals. Null when undefined (no pairs, or
 * both raters constant on the same category: no disagreement is possible).
 */
export function quadraticWeightedKappa(matrix: ConfusionMatrix): number | null {
  const k = matrix.length;
  if (k < 2) return null;
  const n = matrix.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  if (n === 0) return null;
  const rows = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const cols = matrix[0]!.map((_, j) => matrix.reduce((sum, row) => sum + (row[j] as number), 0));
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = (i - j) ** 2 / (k - 1) ** 2;
      observed += (w * (matrix[i]![j] as number)) / n;
      expected += (w * (rows[i] as number) * (cols[j] as number)) / (n * n);
    }
  }
  return expected === 0 ? null : 1 - observed / expected;
}

/** Spearman's rho (ties ranked by their average), or null when undefined (< 2 pairs or a constant list). */
export function spearman(a: readonly number[], b: readonly number[]): number | null {
  if (a.length < 2 || a.length !== b.length) return null;
  const constant = (x: readonly number[]): boolean => x.every((v) => v === x[0]);
  if (constant(a) || constant(b)) return null;
  const rho = sampleRankCorrelation([...a], [...b]);
  return Number.isFinite(rho) ? rho : null;
}

/** Agreement of one criterion. */
export interface CriterionAgreement {
  criterion: string;
  /** Labelled cases the judge scored. */
  n: number;
  kappa: number | null;
  spearman: number | null;
  /** Share of exact matches (judge score rounded). */
  exact: number | null;
  /** Rows expert 1..5, columns judge 1..5. */
  confusion: ConfusionMatrix;
}

/** Kappa, Spearman, exact agreement and the confusion matrix for one criterion's pairs. */
export function agreementOf(
  criterion: string,
  expert: readonly number[],
  judge: readonly number[],
): CriterionAgreement {
  const confusion = confusionMatrix(expert, judge);
  const rounded = judge.map((v) => Math.round(v));
  const exact = expert.length === 0 ? null : expert.filter((e, i) => e === rounded[i]).length / expert.length;
  return {
    criterion,
    n: expert.length,
    kappa: quadraticWeightedKappa(confusion),
    spearman: spearman(expert, judge),
    exact,
    confusion,
  };
}
