/**
 * Seeded simulations of the statistics: how often each interval covers the true mean, and how
 * often the gate's "no significant regression" rule fails a run. Run small in `npm test`
 * (test/analysis, test/gate) and at full size in `npm run bench statistics`.
 */
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import { meanInterval, pairedDifferenceInterval } from '../src/analysis/intervals.js';
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

/** One simulated run of a shape: the true mean (or mean difference) and the interval the reports put on it. */
interface Trial {
  truth: number;
  interval: Interval | null;
}

/** A data shape whose true mean is known: one simulated run of `n` items. */
type Shape = (uniform: Uniform, n: number) => Trial;

/** The interval `summarize` puts on a quality metric's mean over items (Wilson, or quasi-score). */
const estimate = (truth: number, values: number[]): Trial => ({
  truth,
  interval: meanInterval(values, { bounds: [0, 1] }),
});
/** The interval `pairedComparisons` and the gate put on a quality metric's mean paired difference x − y. */
const difference = (truth: number, x: number[], y: number[]): Trial => ({
  truth,
  interval: pairedDifferenceInterval(x, y, { bounds: [-1, 1] }),
});
const zeros = (n: number): number[] => new Array<number>(n).fill(0);

/**
 * Paired 0/1 outcomes of `n` items: the reference passes with `p`; the variant repeats the
 * reference's outcome on half the items (a shared item difficulty) and passes with `q` on the
 * rest, so the true difference is (q − p) / 2.
 */
function pairedPassFail(u: Uniform, n: number, p: number, q: number): Trial {
  const reference: number[] = [];
  const variant: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = bernoulli(u, p);
    reference.push(r);
    variant.push(u() < 0.5 ? r : bernoulli(u, q));
  }
  return difference((q - p) / 2, variant, reference);
}

/** The simulated shapes: continuous and 0/1 metrics, their estimates and their paired differences. */
export const SHAPES = {
  /** A skewed continuous score in [0, 1] (U², mean 1/3): quasi-score interval. */
  'continuous-mean': (u, n) =>
    estimate(
      1 / 3,
      Array.from({ length: n }, () => u() ** 2),
    ),
  /** A graded score like path_recall (k of 4 paths, p = 0.7): quasi-score interval (Wilson if every item is 0 or 1). */
  'graded-mean': (u, n) =>
    estimate(
      0.7,
      Array.from(
        { length: n },
        () => (bernoulli(u, 0.7) + bernoulli(u, 0.7) + bernoulli(u, 0.7) + bernoulli(u, 0.7)) / 4,
      ),
    ),
  /** A 0/1 metric whose pass rate is drawn from U[0.1, 0.9] for each run (average coverage over p): Wilson over items. */
  'binary-mean': (u, n) => {
    const p = 0.1 + 0.8 * u();
    return estimate(
      p,
      Array.from({ length: n }, () => bernoulli(u, p)),
    );
  },
  /** A 0/1 metric passing half the time: Wilson over items. */
  'binary-mean-0.5': (u, n) =>
    estimate(
      0.5,
      Array.from({ length: n }, () => bernoulli(u, 0.5)),
    ),
  /** A 0/1 metric passing 80% of the time: Wilson over items. */
  'binary-mean-0.8': (u, n) =>
    estimate(
      0.8,
      Array.from({ length: n }, () => bernoulli(u, 0.8)),
    ),
  /** Paired differences of a continuous score: item effect cancels, repeat noise SD 0.1, true Δ 0.05: t interval. */
  'continuous-difference': (u, n) =>
    difference(
      0.05,
      Array.from({ length: n }, () => 0.05 + 0.1 * normal(u)),
      zeros(n),
    ),
  /** Skewed paired differences (U'^1.5 − U², true Δ 0.4 − 1/3): t interval. */
  'skewed-difference': (u, n) =>
    difference(
      0.4 - 1 / 3,
      Array.from({ length: n }, () => u() ** 1.5 - u() ** 2),
      zeros(n),
    ),
  /** Paired 0/1 metric, reference pass rate 0.5, variant 0.65 (true Δ 0.15): Newcombe's paired interval. */
  'binary-difference': (u, n) => pairedPassFail(u, n, 0.5, 0.8),
  /** Paired 0/1 metric, p and q drawn from U[0.1, 0.9] for each run (average coverage): Newcombe's paired interval. */
  'binary-difference-mixed': (u, n) => pairedPassFail(u, n, 0.1 + 0.8 * u(), 0.1 + 0.8 * u()),
} satisfies Record<string, Shape>;

/** A simulated shape's name. */
export type ShapeName = keyof typeof SHAPES;

/** Share of `trials` simulated runs of `n` items whose 95% interval covers the true mean. */
export function intervalCoverage(shape: ShapeName, n: number, trials: number, seed: number): number {
  const simulate: Shape = SHAPES[shape];
  const uniform = seededUniform(seed);
  let covered = 0;
  for (let t = 0; t < trials; t++) {
    const { truth, interval } = simulate(uniform, n);
    if (interval && interval.low <= truth + 1e-12 && truth - 1e-12 <= interval.high) covered++;
  }
  return covered / trials;
}

/**
 * Every coverage a 95% interval for a binomial proportion can have at `n` trials and true rate
 * `p`, if its limits rise with the count and it is never wider than Clopper–Pearson's exact
 * interval: it covers p for a run of counts a..b inside the counts where the exact interval does
 * (P(X ≤ x) > 2.5% and P(X ≥ x) > 2.5%), so its coverage is P(a ≤ X ≤ b). Ascending.
 * (At n = 12, p = 0.8 none lies in 93–97%.)
 */
export function attainableBinomialCoverages(n: number, p: number): number[] {
  const cdf = (x: number): number => (x < 0 ? 0 : binomialCdf(x, n, p));
  const exact: number[] = [];
  for (let x = 0; x <= n; x++) if (cdf(x) > 0.025 && 1 - cdf(x - 1) > 0.025) exact.push(x);
  const out: number[] = [];
  for (const a of exact) for (const b of exact) if (b >= a) out.push(cdf(b) - cdf(a - 1));
  return out.sort((x, y) => x - y);
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
