/**
 * Compare two runs (two models, or last week and today) with paired statistics over the cases
 * they share: the same item under the same variant (and model, when both runs have the same
 * models). Run B is compared against run A.
 */
import type { CaseRecord, RunManifest } from '../run/types.js';
import { pairedComparisons } from './compare.js';
import { seededUniform } from './random.js';
import { buildScoreTable, cellKey, isTimingMetric, itemMeans } from './table.js';
import { holm } from './tests.js';
import type { PairedComparison } from './types.js';

/** One stored run, as the comparison reads it. */
export interface RunInput {
  manifest: RunManifest;
  records: readonly CaseRecord[];
}

/** The result of {@link compareRuns}. */
export interface RunComparison {
  a: { runId: string; models: string[] };
  b: { runId: string; models: string[] };
  /** How cases were paired. */
  pairing: 'item×variant×model' | 'item×variant';
  /** Variants in both runs. */
  variants: string[];
  /** B − A per variant × metric; `reference` is run A's id, `variant` the variant compared. */
  comparisons: PairedComparison[];
  /** Shared items per variant. */
  sharedItems: Record<string, number>;
  warnings: string[];
}

/**
 * Compare run B against run A: per variant × metric, the mean paired difference with its
 * interval (t; Newcombe's paired interval for 0/1 metrics) and sign-flip test. Holm-corrects over the variants of each metric; timing metrics
 * (latency_ms) are left out unless `includeTiming`.
 */
export function compareRuns(
  a: RunInput,
  b: RunInput,
  options: { seed?: number; draws?: number; level?: number; includeTiming?: boolean } = {},
): RunComparison {
  const tableA = buildScoreTable(a.records);
  const tableB = buildScoreTable(b.records);
  const sameModels =
    tableA.models.length === tableB.models.length && tableA.models.every((m) => tableB.models.includes(m));
  const pairing = sameModels ? 'item×variant×model' : 'item×variant';
  const warnings: string[] = [];
  if (!sameModels && (tableA.models.length > 1 || tableB.models.length > 1)) {
    warnings.push(
      'The runs have different sets of several models: cases are paired by item and variant over the first model of each run.',
    );
  }
  if (a.manifest.dataset.hash !== b.manifest.dataset.hash)
    warnings.push('The runs used different datasets: only items present in both are compared.');
  const variants = tableA.variants.filter((v) => tableB.variants.includes(v));
  const onlyA = tableA.variants.filter((v) => !variants.includes(v));
  const onlyB = tableB.variants.filter((v) => !variants.includes(v));
  if (onlyA.length || onlyB.length) {
    const side = (names: string[], run: string): string[] =>
      names.length ? [`${names.join(', ')} only in ${run}`] : [];
    warnings.push(
      `Variants not in both runs are not compared: ${[...side(onlyA, `A (${a.manifest.runId})`), ...side(onlyB, `B (${b.manifest.runId})`)].join('; ')}.`,
    );
  }
  const modelPairs: [string, string][] = sameModels
    ? tableA.models.map((m) => [m, m])
    : [[tableA.models[0] ?? '', tableB.models[0] ?? '']];
  const uniform = seededUniform(options.seed ?? 1);
  const comparisons: PairedComparison[] = [];
  const sharedItems: Record<string, number> = {};
  // Timing (wall-clock) differs between any two runs; it is compared only when asked for.
  const metrics = tableA.metrics.filter(
    (m) => tableB.metrics.includes(m) && (options.includeTiming || !isTimingMetric(m)),
  );
  for (const [modelA, modelB] of modelPairs) {
    for (const metric of metrics) {
      // One family per metric: each variant's B-vs-A comparison, Holm-corrected together.
      const results = variants.flatMap((variant) => {
        const cellA = tableA.cells.get(cellKey(variant, modelA, metric));
        const cellB = tableB.cells.get(cellKey(variant, modelB, metric));
        if (!cellA || !cellB) return [];
        const valuesA = itemMeans(cellA);
        const valuesB = itemMeans(cellB);
        sharedItems[variant] = [...valuesB.keys()].filter((id) => valuesA.has(id)).length;
        return [{ variant, valuesA, valuesB }];
      });
      // Each variant pairs its own items; Holm then corrects over the metric's family.
      const family = results.map(({ variant, valuesA, valuesB }) =>
        pairedComparisons(
          metric,
          sameModels ? modelA : `${modelA} → ${modelB}`,
          { name: a.manifest.runId, values: valuesA },
          [{ name: variant, values: valuesB }],
          {
            uniform,
            draws: options.draws,
            level: options.level,
          },
        ),
      );
      comparisons.push(...holmFamily(family.flat(), options.level ?? 0.95));
    }
  }
  return {
    a: { runId: a.manifest.runId, models: tableA.models },
    b: { runId: b.manifest.runId, models: tableB.models },
    pairing,
    variants,
    comparisons,
    sharedItems,
    warnings,
  };
}

/** Holm-correct one family of comparisons (each was computed alone). */
function holmFamily(comparisons: PairedComparison[], level: number): PairedComparison[] {
  const adjusted = holm(comparisons.map((c) => c.pValue));
  return comparisons.map((c, i) => ({
    ...c,
    pHolm: adjusted[i] as number,
    significant: (adjusted[i] as number) < 1 - level,
  }));
}
