import { describe, expect, it } from 'vitest';
import { exemplarSeed, selectExemplars } from '../../src/generation/fewshot.js';
import type { Variant } from '../../src/generation/types.js';
import { NOTEBOOK_ROOT, POOL } from './items.js';

const similar = (k: number, otherServicesOnly = false): Variant['fewShot'] => ({
  k,
  strategy: 'similar',
  resample: false,
  otherServicesOnly,
});
const random = (k: number, resample: boolean): Variant['fewShot'] => ({
  k,
  strategy: 'random',
  resample,
  otherServicesOnly: false,
});

describe('selectExemplars', () => {
  it('never picks the item itself, even when the pool holds it', () => {
    for (const fewShot of [similar(10), random(10, true)]) {
      for (let repeat = 0; repeat < 5; repeat++) {
        const ids = selectExemplars(NOTEBOOK_ROOT, POOL, fewShot, { seed: 7, repeat }).map((e) => e.id);
        expect(ids).not.toContain(NOTEBOOK_ROOT.id);
        expect(ids).toHaveLength(POOL.length - 1);
      }
    }
  });

  it('returns none when k = 0', () => {
    expect(selectExemplars(NOTEBOOK_ROOT, POOL, similar(0), { seed: 1, repeat: 0 })).toEqual([]);
  });

  it('ranks by BM25 similarity of requirement and service', () => {
    const [first] = selectExemplars(NOTEBOOK_ROOT, POOL, similar(1), { seed: 1, repeat: 0 });
    expect(first?.id).toBe('sagemaker-notebook-no-direct-internet');
  });

  it('can exclude exemplars of the same service', () => {
    const ids = selectExemplars(NOTEBOOK_ROOT, POOL, similar(3, true), { seed: 1, repeat: 0 }).map((e) => e.service);
    expect(ids).toHaveLength(3);
    expect(ids).not.toContain('sagemaker');
  });

  it('draws the same random exemplars for the same seed and differs across seeds', () => {
    const draw = (seed: number) =>
      selectExemplars(NOTEBOOK_ROOT, POOL, random(2, false), { seed, repeat: 0 }).map((e) => e.id);
    expect(draw(42)).toEqual(draw(42));
    const draws = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => draw(s).join(',')));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('resamples across repeats only when asked', () => {
    const draw = (repeat: number, resample: boolean) =>
      selectExemplars(NOTEBOOK_ROOT, POOL, random(2, resample), { seed: 3, repeat })
        .map((e) => e.id)
        .join(',');
    const fixed = new Set([0, 1, 2, 3, 4, 5].map((r) => draw(r, false)));
    expect(fixed.size).toBe(1);
    const resampled = new Set([0, 1, 2, 3, 4, 5].map((r) => draw(r, true)));
    expect(resampled.size).toBeGreaterThan(1);
    expect(draw(4, true)).toBe(draw(4, true));
  });

  it('derives seeds from seed, item and repeat', () => {
    expect(exemplarSeed(1, 'a', 0)).toBe(exemplarSeed(1, 'a', 0));
    expect(exemplarSeed(1, 'a', 0)).not.toBe(exemplarSeed(1, 'a', 1));
    expect(exemplarSeed(1, 'a', 0)).not.toBe(exemplarSeed(1, 'b', 0));
  });
});
