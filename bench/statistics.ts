/**
 * Benchmark `statistics`: the full-size simulations behind the README's statistics section —
 * coverage of every 95% interval type at n = 5, 12, 30, 60 (20,000 simulated runs per cell,
 * target 93–97%), and the gate's failure rate under no change and under a true drop equal to
 * the margin (targets ≤ 5%), a 10-point mean drop and 20% of items dropping from 1 to 0
 * (targets ≥ 90%), 2,000 gate runs each at n = 60,
 * and the power curve of docs/ci-gate.md (500 gate runs per point, n = 20 and 60).
 * Seeded: the same numbers on every machine.
 */

import { progress } from './measure.js';
import {
  type GateScenario,
  gateFailureRate,
  intervalCoverage,
  SHAPES,
  type ShapeName,
} from './statistics-simulation.js';
import type { Benchmark, Measurement } from './types.js';

const COVERAGE_TRIALS = 20_000;
const GATE_TRIALS = 2_000;
const SIZES = [5, 12, 30, 60];
const POWER_TRIALS = 500;
const POWER_CURVE: GateScenario[] = [
  { change: 'none', size: 0 },
  { change: 'mean-drop', size: 0.02 },
  { change: 'mean-drop', size: 0.03 },
  { change: 'mean-drop', size: 0.05 },
  { change: 'mean-drop', size: 0.1 },
  { change: 'minority', size: 0.05 },
  { change: 'minority', size: 0.1 },
  { change: 'minority', size: 0.2 },
];

const ratio = (value: number, target: string, ok: boolean): Measurement => ({
  value: Math.round(value * 1000) / 1000,
  unit: 'ratio',
  target,
  ok,
});

/** The statistics benchmark. */
export const statisticsBenchmark: Benchmark = {
  name: 'statistics',
  describe: `interval coverage (${COVERAGE_TRIALS} runs per shape × n) and gate failure rates (${GATE_TRIALS} gate runs per scenario, n = 60, margin 0.02)`,
  run: () => {
    const out: Record<string, Measurement> = {};
    for (const shape of Object.keys(SHAPES) as ShapeName[]) {
      progress(`coverage: ${shape}`);
      for (const n of SIZES) {
        const coverage = intervalCoverage(shape, n, COVERAGE_TRIALS, 1000 + n);
        out[`coverage.${shape}.n${n}`] = ratio(coverage, '0.93..0.97', coverage >= 0.93 && coverage <= 0.97);
      }
    }
    const targets: [string, GateScenario, string, (x: number) => boolean][] = [
      ['no-change', { change: 'none', size: 0 }, '<= 0.05', (x) => x <= 0.05],
      // A true drop equal to the margin is the edge of "no regression": the test's own size.
      ['at-margin', { change: 'mean-drop', size: 0.02 }, '<= 0.05', (x) => x <= 0.05],
      ['mean-drop-10', { change: 'mean-drop', size: 0.1 }, '>= 0.9', (x) => x >= 0.9],
      ['minority-20', { change: 'minority', size: 0.2 }, '>= 0.9', (x) => x >= 0.9],
    ];
    for (const [name, scenario, target, ok] of targets) {
      progress(`gate: ${name}`);
      const rate = gateFailureRate(scenario, 60, GATE_TRIALS, 50_000);
      out[`gate.${name}.fail_rate`] = ratio(rate, target, ok(rate));
    }
    // The power curve documented in docs/ci-gate.md (no target: smaller changes, smaller n).
    for (const items of [20, 60])
      for (const scenario of POWER_CURVE) {
        progress(`gate power: n = ${items}, ${scenario.change} ${scenario.size}`);
        const rate = gateFailureRate(scenario, items, POWER_TRIALS, 70_000 + items);
        out[`gate.power.n${items}.${scenario.change}-${scenario.size}`] = {
          value: Math.round(rate * 1000) / 1000,
          unit: 'ratio',
        };
      }
    return out;
  },
};
