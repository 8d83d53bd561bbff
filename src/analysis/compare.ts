/** Paired comparisons of variants on shared items, and the factorial effects of a 2^3 ablation. */
import { bootstrapMeanInterval, mean } from './intervals.js';
import type { Uniform } from './random.js';
import { holm, mcnemarExact, pearson, wilcoxonSignedRank } from './tests.js';
import type { FactorialEffect, PairedComparison } from './types.js';

/** Per-item means of one side of a comparison. */
export type ItemValues = Map<string, number>;

/** Options shared by the comparison functions. */
export interface CompareOptions {
  uniform: Uniform;
  level?: number;
  resamples?: number;
}

/** True when every value is 0 or 1 (a pass/fail metric with one repeat). */
function isBinary(values: Iterable<number>): boolean {
  for (const v of values) if (v !== 0 && v !== 1) return false;
  return true;
}

/**
 * Compare each variant with the reference on the items both scored. Holm-corrects over the
 * variants given (one family per metric and model).
 */
export function pairedComparisons(
  metric: string,
  model: string,
  reference: { name: string; values: ItemValues },
  variants: { name: string; values: ItemValues }[],
  options: CompareOptions,
): PairedComparison[] {
  const level = options.level ?? 0.95;
  const raw: Omit<PairedComparison, 'pHolm' | 'significant'>[] = [];
  for (const variant of variants) {
    const shared = [...variant.values.keys()].filter((id) => reference.values.has(id)).sort();
    if (shared.length < 2) continue;
    const x = shared.map((id) => variant.values.get(id) as number);
    const y = shared.map((id) => reference.values.get(id) as number);
    const diffs = x.map((v, i) => v - (y[i] as number));
    const binary = isBinary(x) && isBinary(y);
    let pValue: number;
    if (binary) {
      let b = 0;
      let c = 0;
      x.forEach((v, i) => {
        if (v === 1 && y[i] === 0) b++;
        if (v === 0 && y[i] === 1) c++;
      });
      pValue = mcnemarExact(b, c);
    } else {
      pValue = wilcoxonSignedRank(diffs);
    }
    raw.push({
      metric,
      model,
      variant: variant.name,
      reference: reference.name,
      pairs: shared.length,
      meanDiff: mean(diffs),
      ci: bootstrapMeanInterval(diffs, options.uniform, { level, resamples: options.resamples }),
      test: binary ? 'mcnemar-exact' : 'wilcoxon-signed-rank',
      pValue,
      correlation: pearson(x, y),
    });
  }
  const adjusted = holm(raw.map((r) => r.pValue));
  return raw.map((r, i) => {
    const pHolm = adjusted[i] as number;
    return { ...r, pHolm, significant: pHolm < 1 - level };
  });
}

/** A cell of a 2^n design: which factors are on (by factor id, in the design's order), and its per-item values. */
export interface DesignCell {
  on: Record<string, boolean>;
  values: ItemValues;
}

/** The design's factors (the first cell's, in order) when every cell names the same ones; else []. */
function designFactors(design: readonly DesignCell[]): string[] {
  const factors = Object.keys(design[0]?.on ?? {});
  const same = design.every((c) => {
    const keys = Object.keys(c.on);
    return keys.length === factors.length && factors.every((f) => f in c.on);
  });
  return same ? factors : [];
}

/**
 * Main effects and two-way interactions from per-item contrasts (±1 coding): a main effect is
 * mean(on) − mean(off) over the 2^n cells; an interaction A×B is mean(cells where A and B agree)
 * − mean(cells where they differ), i.e. half the change of A's effect when B is switched on.
 * The factors are the cells' `on` keys. Only items present in every cell count. Returns [] unless
 * the full design (every on/off combination once) is present.
 */
export function factorialEffects(
  metric: string,
  model: string,
  design: DesignCell[],
  options: CompareOptions,
): FactorialEffect[] {
  const factors = designFactors(design);
  if (factors.length === 0 || design.length !== 2 ** factors.length) return [];
  const signatures = new Set(design.map((c) => factors.map((f) => (c.on[f] ? 1 : 0)).join('')));
  if (signatures.size !== design.length) return [];
  const half = design.length / 2;
  const first = design[0] as DesignCell;
  const items = [...first.values.keys()].filter((id) => design.every((c) => c.values.has(id))).sort();
  if (items.length < 2) return [];
  const sign = (cell: DesignCell, f: string): number => (cell.on[f] ? 1 : -1);
  const terms: { term: string; kind: FactorialEffect['kind']; s: (c: DesignCell) => number }[] = [
    ...factors.map((f) => ({ term: f, kind: 'main' as const, s: (c: DesignCell) => sign(c, f) })),
    ...factors.flatMap((a, i) =>
      factors.slice(i + 1).map((b) => ({
        term: `${a}×${b}`,
        kind: 'interaction' as const,
        s: (c: DesignCell) => sign(c, a) * sign(c, b),
      })),
    ),
  ];
  return terms.map(({ term, kind, s }) => {
    const contrasts = items.map((id) => {
      let plus = 0;
      let minus = 0;
      for (const cell of design) {
        const v = cell.values.get(id) as number;
        if (s(cell) > 0) plus += v;
        else minus += v;
      }
      return plus / half - minus / half;
    });
    return {
      metric,
      model,
      term,
      kind,
      estimate: mean(contrasts),
      ci: bootstrapMeanInterval(contrasts, options.uniform, { level: options.level, resamples: options.resamples }),
      pValue: wilcoxonSignedRank(contrasts),
      items: items.length,
    };
  });
}
