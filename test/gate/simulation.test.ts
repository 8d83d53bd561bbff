import { describe, expect, it } from 'vitest';
import { gateFailureRate } from '../../bench/statistics-simulation.js';

// Small versions of `npm run bench statistics` (which runs 2,000 trials per scenario): the rule
// `path_recall: noSignificantRegression { margin: 0.02 }` alone, no maxDrop, 60 items.
describe('the gate in simulation (one variant, n = 60 items, margin 0.02, no maxDrop)', () => {
  it('raises a false alarm under no change (repeat noise only) at most 5% of the time', () => {
    expect(gateFailureRate({ change: 'none', size: 0 }, 60, 100, 1)).toBeLessThanOrEqual(0.05);
  });

  it('fails at most 5% of runs whose true drop equals the margin (the edge of "no regression")', () => {
    expect(gateFailureRate({ change: 'mean-drop', size: 0.02 }, 60, 100, 4000)).toBeLessThanOrEqual(0.05);
  });

  it('catches a 10-point mean drop at least 90% of the time', () => {
    expect(gateFailureRate({ change: 'mean-drop', size: 0.1 }, 60, 60, 1000)).toBeGreaterThanOrEqual(0.9);
  });

  it('at n = 20 still catches a quarter of the items dropping from 1 to 0 most of the time', () => {
    expect(gateFailureRate({ change: 'minority', size: 0.25 }, 20, 40, 3000)).toBeGreaterThanOrEqual(0.8);
  });

  it('catches 20% of items dropping from 1 to 0 at least 90% of the time', () => {
    expect(gateFailureRate({ change: 'minority', size: 0.2 }, 60, 60, 2000)).toBeGreaterThanOrEqual(0.9);
  });
});
