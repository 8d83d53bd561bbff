/**
 * Seeded simulations of the statistics: how often each interval covers the true mean, and how
 * often the gate's "no significant regression" rule fails a run. Run small in `npm test`
 * (test/analysis, test/gate) and at full size in `npm run bench statistics`.
 */
import { meanInterval, tMeanInterval } from '../src/analysis/intervals.js';
import { seededUniform, type Uniform } from '../src/analysis/random.js';
import { summarize } from '../src/analysis/summarize.js';
import type { Interval } from '../src/analysis/types.js';
import { makeBaseline } from '../src/gate/baseline.js';
import { evaluateGate } from '../src/gate/evaluate.js';
import type { GateRules } from '../src/gate/rules.js';
import { makeVariant, syntheticRun } from '../test/support/synthetic-run.js';

function normal(uniform: Uniform): number {
  return Math.sqrt(-2 * Math.log(Math.max(uniform(), 1e-12))) * Math.cos(2 * Math.PI * uniform());
}
const bernoulli = (uniform: Uniform, p: number): number => (uniform() < p ? 1 : 0);

/** A data shape whose true mean is known, and the interval the reports put on it. */
interface Shape {
  truth: number;
  /** Per-item values (or paired differences) of one simulated run of `n` items. */
  draw(uniform: Uniform, n: number): number[];
  interval(values: number[]): Interval | null;
}

const estimateInterval = (values: number[]) => meanInterval(values, { bounds: [0, 1] });
/** The interval `pairedComparisons` and `factorialEffects` put on a mean difference of a quality metric. */
const differenceInterval = (values: number[]) => tMeanInterval(values, { bounds: [-1, 1] });

/** The simulated shapes: continuous and 0/1 metrics, their estimates and their paired differences. */
export const SHAPES = {
  /** A skewed continuous score in [0, 1] (U², mean 1/3): t interval. */
  'continuous-mean': {
    truth: 1 / 3,
    draw: (u, n) => Array.from({ length: n }, () => u() ** 2),
    interval: estimateInterval,
  },
  /** A graded score like path_recall (k of 4 paths, p = 0.7): t interval (Wilson if every item is 0 or 1). */
  'graded-mean': {
    truth: 0.7,
    draw: (u, n) =>
      Array.from(
        { length: n },
        () => (bernoulli(u, 0.7) + bernoulli(u, 0.7) + bernoulli(u, 0.7) + bernoulli(u, 0.7)) / 4,
      ),
    interval: estimateInterval,
  },
  /** A 0/1 metric whose pass rate is drawn from U[0.1, 0.9] for each run (average coverage over p): Wilson over items. */
  'binary-mean': {
    truth: Number.NaN,
    draw: (u, n) => {
      const p = 0.1 + 0.8 * u();
      return [p, ...Array.from({ length: n }, () => bernoulli(u, p))];
    },
    interval: estimateInterval,
  },
  /** A 0/1 metric passing half the time: Wilson over items. */
  'binary-mean-0.5': {
    truth: 0.5,
    draw: (u, n) => Array.from({ length: n }, () => bernoulli(u, 0.5)),
    interval: estimateInterval,
  },
  /** A 0/1 metric passing 80% of the time: Wilson over items. */
  'binary-mean-0.8': {
    truth: 0.8,
    draw: (u, n) => Array.from({ length: n }, () => bernoulli(u, 0.8)),
    interval: estimateInterval,
  },
  /** Paired differences of a continuous score: item effect cancels, repeat noise SD 0.1, true Δ 0.05: t interval. */
  'continuous-difference': {
    truth: 0.05,
    draw: (u, n) => Array.from({ length: n }, () => 0.05 + 0.1 * normal(u)),
    interval: differenceInterval,
  },
  /** Skewed paired differences (U'^1.5 − U², true Δ 0.4 − 1/3): t interval. */
  'skewed-difference': {
    truth: 0.4 - 1 / 3,
    draw: (u, n) => Array.from({ length: n }, () => u() ** 1.5 - u() ** 2),
    interval: differenceInterval,
  },
} satisfies Record<string, Shape>;

/** A simulated shape's name. */
export type ShapeName = keyof typeof SHAPES;

/** Share of `trials` simulated runs of `n` items whose 95% interval covers the true mean. */
export function intervalCoverage(shape: ShapeName, n: number, trials: number, seed: number): number {
  const { truth, draw, interval } = SHAPES[shape] as Shape;
  const uniform = seededUniform(seed);
  let covered = 0;
  for (let t = 0; t < trials; t++) {
    let values = draw(uniform, n);
    let mean = truth;
    // A shape with a per-run truth (NaN in the table) draws it first.
    if (Number.isNaN(truth)) [mean = Number.NaN, ...values] = values;
    const ci = interval(values);
    if (ci && ci.low <= mean + 1e-12 && mean - 1e-12 <= ci.high) covered++;
  }
  return covered / trials;
}

/**
 * What changes between the baseline run and the gated run: nothing, every item's score drops by
 * `size`, or a share `size` of the items drops from 1 to 0.
 */
export interface GateScenario {
  change: 'none' | 'mean-drop' | 'minority';
  size: number;
}

const single = [makeVariant(false, false, false)];

/**
 * One baseline run and one gated run of `items` items on one variant, scored on `path_recall`:
 * graded item values (k of 4 paths, p = 0.8) with repeat noise (a tenth of items move by ±0.25).
 * `mean-drop` lowers every item by `size` (within [0, 1]); `minority` drops a share `size` of the
 * items, chosen among those at 1, to 0 and leaves the rest as noise.
 */
function gateTrial(scenario: GateScenario, items: number, seed: number, rules: GateRules): boolean {
  const uniform = seededUniform(seed);
  const base = Array.from({ length: items }, () => {
    let k = 0;
    for (let j = 0; j < 4; j++) k += bernoulli(uniform, 0.8);
    return k / 4;
  });
  const wobble = (v: number): number => {
    if (uniform() >= 0.1) return v;
    const moved = v + (uniform() < 0.5 ? -0.25 : 0.25);
    return moved < 0 || moved > 1 ? v : moved;
  };
  const before = base.map(wobble);
  const ones = base.map((v, i) => (v === 1 ? i : -1)).filter((i) => i >= 0);
  const dropped = new Set(scenario.change === 'minority' ? ones.slice(0, Math.round(items * scenario.size)) : []);
  const after = base.map((v, i) => {
    if (dropped.has(i)) return 0;
    const w = wobble(v);
    return scenario.change === 'mean-drop' ? Math.max(0, w - scenario.size) : w;
  });
  const make = (values: number[]) => {
    const { manifest, records } = syntheticRun({ items, seed, variants: single });
    records.forEach((r, i) => {
      r.scores = [{ metric: 'path_recall', value: values[i] as number, reason: 'simulated' }];
    });
    return { manifest, records, summary: summarize(manifest, records, { draws: 200, now: new Date(0) }) };
  };
  const b = make(before);
  const baseline = makeBaseline(b.manifest, b.records, b.summary, new Date(0));
  return !evaluateGate(baseline, make(after), rules, { seed, draws: 2000 }).passed;
}

/** The rule simulated: path_recall must not regress significantly below −0.02 (no maxDrop). */
export const SIMULATED_RULES: GateRules = {
  alpha: 0.05,
  rules: [{ metric: 'path_recall', noSignificantRegression: { margin: 0.02 }, optional: false }],
};

/** Share of `trials` simulated gate runs that fail, for a scenario. */
export function gateFailureRate(scenario: GateScenario, items: number, trials: number, seed: number): number {
  let failed = 0;
  for (let t = 0; t < trials; t++) if (gateTrial(scenario, items, seed + t, SIMULATED_RULES)) failed++;
  return failed / trials;
}
