import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { l as rougeL } from 'js-rouge';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { lcsIndices, rougeLF1 } from '../../src/scoring/checks/similarity.js';

/** js-rouge's own summary-level ROUGE-L with its built-in LCS (the reference implementation). */
function builtIn(candidate: string, reference: string): number {
  const lines = (text: string) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0 && !line.startsWith('#'));
  const words = (text: string) => text.match(/[A-Za-z0-9_]+/g) ?? [];
  if (words(candidate).length === 0 || words(reference).length === 0) return 0;
  return rougeL(candidate, reference, { caseSensitive: false, segmenter: lines, tokenizer: words });
}

/** A seeded generator of small integers (xorshift). */
function randomInts(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return Math.abs(x) % n;
  };
}

describe('text_similarity with the table LCS', () => {
  it('gives exactly js-rouge built-in scores on neighbouring pairs of the shipped gold gherkins, both ways', () => {
    const dir = packagePath('datasets', 'security-controls');
    const golds = readdirSync(dir)
      .filter((f) => f.endsWith('.feature'))
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    let pairs = 0;
    for (let i = 0; i < golds.length; i++)
      for (let j = i; j < Math.min(golds.length, i + 4); j++) {
        const a = golds[i] as string;
        const b = golds[j] as string;
        expect(rougeLF1(a, b)).toBe(builtIn(a, b));
        expect(rougeLF1(b, a)).toBe(builtIn(b, a));
        pairs++;
      }
    expect(pairs).toBeGreaterThan(200);
  });

  it('keeps js-rouge tie choices on texts full of repeated words', () => {
    const next = randomInts(12345);
    const vocabulary = ['given', 'the', 'bucket', 'is', 'and', 'then', 'rule', 'returns'];
    const text = () =>
      Array.from({ length: 1 + next(6) }, () =>
        Array.from({ length: 1 + next(9) }, () => vocabulary[next(vocabulary.length)]).join(' '),
      ).join('\n');
    for (let k = 0; k < 400; k++) {
      const a = text();
      const b = text();
      expect(rougeLF1(a, b)).toBe(builtIn(a, b));
    }
  });

  it('returns strictly increasing reference positions of a longest common subsequence', () => {
    expect(lcsIndices(['a', 'b', 'c', 'b'], ['b', 'a', 'b', 'c'])).toEqual([1, 2, 3]);
    expect(lcsIndices(['x'], ['a', 'x', 'b', 'x'])).toEqual([3]);
    expect(lcsIndices([], ['a'])).toEqual([]);
    expect(lcsIndices(['a'], ['b'])).toEqual([]);
  });
});
