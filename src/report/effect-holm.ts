/** Holm-adjusted p-values of factorial effects, for reports (summary.json keeps each effect's own p). */
import { holm } from '../analysis/tests.js';
import type { FactorialEffect } from '../analysis/types.js';

/**
 * Holm-adjusted p-values of the factorial effects, in `effects` order, adjusted over the terms of
 * one metric and model (summary.json carries only the unadjusted p of each effect).
 */
export function effectPHolm(effects: readonly FactorialEffect[]): number[] {
  const families = new Map<string, number[]>();
  effects.forEach((e, i) => {
    const key = JSON.stringify([e.metric, e.model]);
    families.set(key, [...(families.get(key) ?? []), i]);
  });
  const adjusted = new Array<number>(effects.length);
  for (const indices of families.values()) {
    const ps = holm(indices.map((i) => (effects[i] as FactorialEffect).pValue));
    indices.forEach((i, k) => {
      adjusted[i] = ps[k] as number;
    });
  }
  return adjusted;
}
