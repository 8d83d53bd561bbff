import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { makeBaseline } from '../../src/gate/baseline.js';
import { evaluateGate } from '../../src/gate/evaluate.js';
import type { GateRules } from '../../src/gate/rules.js';
import type { CaseRecord } from '../../src/run/types.js';
import { makeVariant, syntheticRun } from '../support/synthetic-run.js';

/** The pinned cases: one variant, 56 items, path_recall set per item. */
const single = [makeVariant(false, false, false)];
function runWith(pathRecall: (index: number) => number) {
  const { manifest, records } = syntheticRun({ items: 56, seed: 3, variants: single });
  records.forEach((r: CaseRecord, i) => {
    r.scores.push({ metric: 'path_recall', value: pathRecall(i), reason: 'synthetic' });
  });
  return { manifest, records, summary: summarize(manifest, records, { draws: 1000, now: new Date(0) }) };
}
const rules = (margin: number): GateRules => ({
  alpha: 0.05,
  rules: [{ metric: 'path_recall', noSignificantRegression: { margin }, optional: false }],
});
const before = runWith(() => 1);
const baseline = makeBaseline(before.manifest, before.records, before.summary, new Date(0));
const gate = (after: ReturnType<typeof runWith>, margin: number) => {
  const result = evaluateGate(baseline, after, rules(margin));
  const [check] = result.checks;
  if (!check) throw new Error('no check');
  return { passed: result.passed, check };
};

describe('"no significant regression" tests the mean paired difference against −margin', () => {
  it('fails when 20 of 56 items fall from 1 to 0 (margin 0.02), which the Wilcoxon test let through', () => {
    const { passed, check } = gate(
      runWith((i) => (i < 20 ? 0 : 1)),
      0.02,
    );
    expect(check.diff).toBeCloseTo(-20 / 56, 10);
    expect(passed).toBe(false);
    expect(check.pValue).toBeLessThan(0.001);
    expect(check.reason).toMatch(/significant regression: .*sign-flip test of the mean/);
  });

  it('fails already when 5 of 56 items fall from 1 to 0 (margin 0.02)', () => {
    expect(
      gate(
        runWith((i) => (i < 5 ? 0 : 1)),
        0.02,
      ).passed,
    ).toBe(false);
  });

  it('passes an unchanged run, at margin 0 and 0.02', () => {
    for (const margin of [0, 0.02]) {
      const { passed, check } = gate(
        runWith(() => 1),
        margin,
      );
      expect(passed).toBe(true);
      expect(check.pValue).toBe(1);
    }
  });

  it('passes a uniform −1 point change with margin 0.02, and fails it with margin 0', () => {
    const after = runWith(() => 0.99);
    expect(gate(after, 0.02).passed).toBe(true);
    expect(gate(after, 0).passed).toBe(false);
  });

  it('treats a difference equal to −margin as a tie, not as ±1.7e-17 of evidence', () => {
    // 0.98 − 1 + 0.02 is −1.7e-17 in floating point: without the tie tolerance 56 such
    // "regressions" would give p ≈ 1/2^56.
    const { passed, check } = gate(
      runWith(() => 0.98),
      0.02,
    );
    expect(passed).toBe(true);
    expect(check.pValue).toBe(1);
  });

  it('tests unrounded item means: a change of 2e-5 per item is not a tie', () => {
    const after = runWith(() => 1 - 2e-5);
    expect(gate(after, 0).passed).toBe(false);
    expect(baseline.scores['none|offline:reference|path_recall']?.['item-000']).toBe(1);
  });
});
