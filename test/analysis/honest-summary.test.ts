import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { syntheticRun } from '../support/synthetic-run.js';

describe('a summary that cannot mislead', () => {
  const big = syntheticRun({ items: 40, effects: { rag: 0.1, cot: 0.03 }, seed: 8, noiseSd: 0.1 });
  const summary = summarize(big.manifest, big.records, { draws: 2000, now: new Date(0) });

  it('tests each effect mean with a sign-flip test and Holm-corrects over its metric family', () => {
    const structure = summary.effects.filter((e) => e.metric === 'structure');
    expect(structure).toHaveLength(6);
    for (const e of structure) {
      expect(e.test).toBe('sign-flip-monte-carlo');
      expect(e.draws).toBe(2000);
      expect(e.family).toBe(6);
      expect(e.pHolm).toBeGreaterThanOrEqual(e.pValue);
      expect(e.significant).toBe(e.pHolm < 0.05);
      expect(e.secondary.test).toBe('wilcoxon-signed-rank');
    }
    expect(structure.find((e) => e.term === 'rag')?.significant).toBe(true);
    expect(summary.methods.families.join(' ')).toMatch(/factorial effects: per metric and model/);
  });

  it('intervals and tests agree: a t interval excluding 0 goes with p < 0.05 (up to the boundary)', () => {
    const tested = [
      ...summary.comparisons.map((c) => ({ ci: c.ci, p: c.pValue })),
      ...summary.effects.map((e) => ({ ci: e.ci, p: e.pValue })),
    ];
    const disagree = tested.filter(
      ({ ci, p }) => (ci.low > 0 || ci.high < 0) !== p < 0.05 && Math.abs(p - 0.05) > 0.02,
    );
    expect(disagree).toEqual([]);
  });

  it('leaves timing (latency_ms) out of comparisons, effects and the MDE unless asked for', () => {
    expect(summary.methods.excludedFromTests).toEqual(['latency_ms']);
    expect(summary.comparisons.some((c) => c.metric === 'latency_ms')).toBe(false);
    expect(summary.effects.some((e) => e.metric === 'latency_ms')).toBe(false);
    expect(summary.estimates.some((e) => e.metric === 'latency_ms')).toBe(true);
    const timed = summarize(big.manifest, big.records, { draws: 200, includeTiming: true });
    expect(timed.comparisons.some((c) => c.metric === 'latency_ms')).toBe(true);
  });

  it('states the MDE for the Holm-adjusted α of one comparison', () => {
    const d = summary.detectable.find((x) => x.metric === 'structure');
    expect(d?.family).toBe(7);
    expect(d?.alpha).toBeCloseTo(0.05 / 7, 12);
    expect(d?.detectable).toBe(true);
    expect(d?.mde).toBeGreaterThan(0);
  });

  it('at n = 5 says "not detectable" instead of an MDE, and shows 0/1 cells with a Wilson interval', () => {
    const small = syntheticRun({ items: 5, effects: { rag: 0.3 }, seed: 2 });
    for (const r of small.records)
      for (const score of r.scores) if (score.metric === 'parse') Object.assign(score, { value: 1, pass: true });
    const s = summarize(small.manifest, small.records, { now: new Date(0) });
    const d = s.detectable.find((x) => x.metric === 'structure');
    expect(d?.detectable).toBe(false);
    expect(d?.mde).toBeNull();
    expect(d?.reason).toMatch(/not detectable at this n/);
    expect(s.warnings.join(' ')).toMatch(/no comparison against none can be significant/);
    expect(s.comparisons.every((c) => c.test === 'sign-flip-exact')).toBe(true);
    const parse = s.estimates.find((e) => e.metric === 'parse' && e.variant === 'none');
    expect(parse?.mean).toBe(1);
    expect(parse?.ci?.method).toBe('wilson');
    expect(parse?.ci?.low).toBeCloseTo(0.566, 3);
    const structure = s.estimates.find((e) => e.metric === 'structure');
    expect(structure?.ci?.method).toBe('quasi-score');
    // parse is 1 under every variant: the paired 0/1 differences are all 0, and Newcombe's
    // interval says how large a difference five items cannot rule out (the t interval is [0, 0]).
    const parseDiff = s.comparisons.find((c) => c.metric === 'parse');
    expect(parseDiff?.ci.method).toBe('newcombe');
    expect(parseDiff?.ci.low).toBeLessThan(-0.3);
    expect(parseDiff?.ci.high).toBeGreaterThan(0.3);
    const effectMde = s.detectableEffects?.find((x) => x.metric === 'structure');
    expect(effectMde?.detectable).toBe(false);
    expect(effectMde?.reason).toMatch(/not detectable at this n/);
  });

  it('states the MDE of the factorial effects at the α of their Holm family', () => {
    const comparison = summary.detectable.find((x) => x.metric === 'structure');
    const effect = summary.detectableEffects?.find((x) => x.metric === 'structure');
    expect(effect?.family).toBe(6);
    expect(effect?.alpha).toBeCloseTo(0.05 / 6, 12);
    expect(effect?.detectable).toBe(true);
    // From the typical SD of the per-item contrasts: (t(1 − α/2, 39) + t(0.8, 39)) · SD / √40.
    const sds = summary.effects
      .filter((e) => e.metric === 'structure')
      .map((e) => e.sd)
      .sort((a, b) => a - b);
    expect(effect?.sdDiff).toBe(sds[3]);
    expect(effect?.mde).toBeGreaterThan(0);
    // A contrast averages four cells on each side, so it is less noisy than one difference.
    expect(effect?.mde).toBeLessThan(comparison?.mde as number);
  });
});
