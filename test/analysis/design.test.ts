import { describe, expect, it } from 'vitest';
import { type DesignCell, factorialEffects } from '../../src/analysis/compare.js';
import { describeLayout, designLayout, designOf, estimableTerms } from '../../src/analysis/design.js';
import { seededUniform } from '../../src/analysis/random.js';

const FACTORS = ['cot', 'rag', 'fewShot', 'agent', 'repair'];
const combos = (k: number) =>
  Array.from({ length: 2 ** k }, (_, m) => Array.from({ length: k }, (_, i) => (m >> i) & 1));
const product = (bits: readonly number[]) => bits.reduce((p, b) => p * (b ? 1 : -1), 1);

describe('design layouts', () => {
  it('knows the full design and a regular half fraction, and nothing else', () => {
    expect(designLayout(['a', 'b'], combos(2))?.kind).toBe('full');
    const half = combos(5).filter((bits) => product(bits) === -1);
    expect(designLayout(FACTORS, half)).toEqual({ kind: 'half', factors: FACTORS, sign: -1, resolution: 5 });
    // A half fraction of three factors is resolution III: not an estimable design here.
    expect(
      designLayout(
        ['a', 'b', 'c'],
        combos(3).filter((b) => product(b) === 1),
      ),
    ).toBeUndefined();
    // Sixteen cells that are not a regular fraction.
    expect(designLayout(FACTORS, combos(5).slice(0, 16))).toBeUndefined();
  });

  it('states what each estimate is aliased with', () => {
    const five = estimableTerms({ kind: 'half', factors: FACTORS, sign: 1, resolution: 5 });
    expect(five).toHaveLength(15);
    expect(five.find((t) => t.term === 'cot')?.aliasedWith).toBe('rag×fewShot×agent×repair');
    expect(five.find((t) => t.term === 'cot×rag')?.aliasedWith).toBe('fewShot×agent×repair');
    const four = estimableTerms({ kind: 'half', factors: ['a', 'b', 'c', 'd'], sign: 1, resolution: 4 });
    // Resolution IV: two-way interactions come in aliased pairs, each estimated once.
    expect(four.filter((t) => t.kind === 'interaction').map((t) => `${t.term}=${t.aliasedWith}`)).toEqual([
      'a×b=c×d',
      'a×c=b×d',
      'a×d=b×c',
    ]);
    expect(describeLayout({ kind: 'half', factors: FACTORS, sign: 1, resolution: 5 })).toMatch(
      /^half fraction 2\^\(5−1\) of cot, rag, fewShot, agent, repair, I = \+cot×rag×fewShot×agent×repair, resolution V: /,
    );
  });

  it('drops a flag no cell switches from the factors', () => {
    const cells = combos(3).map((bits) => ({
      on: { cot: !!bits[0], rag: !!bits[1], fewShot: !!bits[2], repair: false },
    }));
    expect(designOf(cells)).toEqual({ kind: 'full', factors: ['cot', 'rag', 'fewShot'] });
  });
});

describe('a fractional design estimates the full factorial main effects', () => {
  it("on a simulated run, the full design's main effects lie within the half fraction's intervals", () => {
    const uniform = seededUniform(11);
    const normal = () => Math.sqrt(-2 * Math.log(Math.max(uniform(), 1e-12))) * Math.cos(2 * Math.PI * uniform());
    const truth: Record<string, number> = { cot: 0.08, rag: 0.15, fewShot: 0.05, agent: 0.1, repair: 0.03 };
    const items = Array.from({ length: 40 }, (_, i) => ({ id: `item-${i}`, effect: normal() * 0.1 }));
    const cells: (DesignCell & { bits: number[] })[] = combos(5).map((bits) => {
      const on = Object.fromEntries(FACTORS.map((f, i) => [f, bits[i] === 1]));
      const values = new Map(
        items.map((item) => {
          let mu = 0.4 + item.effect + normal() * 0.05;
          for (const f of FACTORS) if (on[f]) mu += truth[f] as number;
          if (on.rag && on.agent) mu -= 0.06;
          return [item.id, mu];
        }),
      );
      return { on, values, bits };
    });
    const options = { uniform: seededUniform(3) };
    const full = factorialEffects('behaviour', 'm', cells, options);
    const half = factorialEffects(
      'behaviour',
      'm',
      cells.filter((c) => product(c.bits) === 1),
      options,
    );
    expect(full).toHaveLength(15);
    expect(half).toHaveLength(15);
    for (const f of FACTORS) {
      const a = full.find((e) => e.term === f);
      const b = half.find((e) => e.term === f);
      expect(b?.aliasedWith).toBe(FACTORS.filter((x) => x !== f).join('×'));
      expect(a?.estimate).toBeGreaterThanOrEqual(b?.ci.low ?? Number.NaN);
      expect(a?.estimate).toBeLessThanOrEqual(b?.ci.high ?? Number.NaN);
    }
    // The rag×agent interaction (−0.06 in the two-level sense, −0.03 in ±1 coding) is seen in both.
    const inter = (effects: typeof full) => effects.find((e) => e.term === 'rag×agent')?.estimate ?? 0;
    expect(inter(full)).toBeLessThan(-0.02);
    expect(inter(half)).toBeLessThan(-0.02);
  });
});
