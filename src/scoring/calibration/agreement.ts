/**
 * Agreement between judge scores and expert reference scores on an ordinal 1–5 scale, per
 * criterion: quadratic-weighted kappa, Spearman's rho and the confusion matrix (the statistics
 * themselves live in src/analysis/agreement.ts).
 */
import { type ConfusionMatrix, confusionMatrix, quadraticWeightedKappa, spearman } from '../../analysis/agreement.js';

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
