import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ablationName,
  ablationVariants,
  DEFAULT_VARIANT,
  loadVariants,
  parseVariantFile,
  resolveVariant,
} from '../../src/generation/variants.js';

describe('ablationVariants', () => {
  it('builds the 2^3 factorial with fixed names and order', () => {
    const vs = ablationVariants(['fewShot', 'cot', 'rag']);
    expect(vs.map((v) => v.name)).toEqual([
      'none',
      'cot',
      'rag',
      'fewshot',
      'cot+rag',
      'cot+fewshot',
      'rag+fewshot',
      'cot+rag+fewshot',
    ]);
    const all = vs.at(-1)!;
    expect(all.cot).toBe(true);
    expect(all.rag.enabled).toBe(true);
    expect(all.fewShot.k).toBe(3);
    expect(vs[0]!.fewShot.k).toBe(0);
  });

  it('keeps techniques outside the ablation at the base setting and names by what is on', () => {
    const base = { ...DEFAULT_VARIANT, cot: true, fewShot: { ...DEFAULT_VARIANT.fewShot, k: 5 } };
    const vs = ablationVariants(['rag', 'fewShot'], base);
    expect(vs.map((v) => v.name)).toEqual(['cot', 'cot+rag', 'cot+fewshot', 'cot+rag+fewshot']);
    expect(vs.find((v) => v.name === 'cot+fewshot')!.fewShot.k).toBe(5);
  });

  it('does not share nested objects between variants', () => {
    const [a, b] = ablationVariants(['rag']);
    a!.rag.topK = 99;
    expect(b!.rag.topK).toBe(DEFAULT_VARIANT.rag.topK);
    expect(DEFAULT_VARIANT.rag.topK).not.toBe(99);
  });

  it('rejects an unknown technique', () => {
    expect(() => ablationVariants(['cot', 'rga' as 'rag'])).toThrow(/did you mean rag/);
  });

  it('names the empty set none', () => {
    expect(ablationName([])).toBe('none');
    expect(ablationName(['fewShot', 'cot'])).toBe('cot+fewshot');
  });
});

describe('variant files', () => {
  it('fills defaults and takes the name from the file', () => {
    const v = parseVariantFile('cot: true\nrag:\n  topK: 7\n', '/v/my-variant.yaml');
    expect(v.name).toBe('my-variant');
    expect(v.cot).toBe(true);
    expect(v.rag).toEqual({ enabled: false, topK: 7, tokenBudget: 1500 });
  });

  it('names the exact field path and line of a wrong type', () => {
    expect(() => parseVariantFile('name: x\nrag:\n  enabled: true\n  topK: five\n', '/v/x.yaml')).toThrow(
      /\/v\/x\.yaml:4: rag\.topK: /,
    );
  });

  it('names an unknown nested field', () => {
    expect(() => parseVariantFile('fewShot:\n  k: 2\n  strategy: similar\n  stratgy: random\n', '/v/y.yaml')).toThrow(
      /\/v\/y\.yaml:4: fewShot\.stratgy: unknown field/,
    );
  });

  it('rejects an invalid enum value with its path', () => {
    expect(() => parseVariantFile('fewShot:\n  strategy: nearest\n', '/v/z.yaml')).toThrow(/fewShot\.strategy/);
  });

  it('loads the shipped named variants', () => {
    const names = loadVariants().map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['paper', 'fewshot-random', 'rag-wide']));
    const paper = loadVariants().find((v) => v.name === 'paper')!;
    expect(paper.cot && paper.rag.enabled && paper.fewShot.k === 3).toBe(true);
  });

  it('rejects two files declaring the same name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gb-variants-'));
    try {
      writeFileSync(join(dir, 'a.yaml'), 'name: same\n');
      writeFileSync(join(dir, 'b.yaml'), 'name: same\ncot: true\n');
      expect(() => loadVariants(dir)).toThrow(/b\.yaml: name: variant "same" is already declared/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('resolveVariant', () => {
  it('resolves ablation and named variants', () => {
    expect(resolveVariant('cot+rag', []).rag.enabled).toBe(true);
    expect(resolveVariant('paper').name).toBe('paper');
  });

  it('suggests the closest name for an unknown one', () => {
    expect(() => resolveVariant('cot+rga', [])).toThrow(/unknown variant "cot\+rga" \(did you mean cot\+rag/);
  });
});
