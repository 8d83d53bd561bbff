/**
 * One technique table: a fake further technique (`tidy`, test/generation/fake-technique.ts) added as
 * one more row reaches the experiment schema, the variant files, the ablation (2^4 variants of
 * cot, rag, fewShot and tidy, and their names), the chain (its step runs) and the analysis (four
 * main effects, six interactions) with no other change.
 */
import { describe, expect, it, vi } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { parseExperimentText } from '../../src/config/load.js';
import { generateCandidate } from '../../src/generation/chain.js';
import { createOfflineProvider } from '../../src/generation/providers/offline.js';
import { ablationVariants, parseVariantFile, TECHNIQUES } from '../../src/generation/variants.js';
import { syntheticRun } from '../support/synthetic-run.js';
import { NOTEBOOK_ROOT, POOL } from './items.js';

vi.mock('../../src/generation/technique-table.js', async (importOriginal) => {
  const shipped = await importOriginal<typeof import('../../src/generation/technique-table.js')>();
  const { tidyTechnique } = await import('./fake-technique.js');
  return { ...shipped, TECHNIQUE_TABLE: [...shipped.TECHNIQUE_TABLE, tidyTechnique] };
});

/** The paper's three techniques and the fake one. */
const FOUR = ['cot', 'rag', 'fewShot', 'tidy'];

describe('a further technique is one table row plus its own module', () => {
  it('config and variant files accept it', () => {
    expect(TECHNIQUES).toEqual(['cot', 'rag', 'fewShot', 'agent', 'repair', 'tidy']);
    expect(parseExperimentText('ablate: [cot, tidy]\n', 'e.yaml').ablate).toEqual(['cot', 'tidy']);
    const v = parseVariantFile('tidy: { enabled: true, tag: neat }\n', 'neat.yaml');
    expect(v).toMatchObject({ name: 'neat', tidy: { enabled: true, tag: 'neat' } });
    expect(v.techniques).toEqual({ cot: false, rag: false, fewShot: false, agent: false, repair: false, tidy: true });
    expect(() => parseVariantFile('tidy: { tag: 3 }\n', 'bad.yaml')).toThrow(/bad\.yaml.*tidy\.tag/);
  });

  it('the ablation is the 2^4 factorial, named in table order', () => {
    const names = ablationVariants(FOUR).map((v) => v.name);
    expect(names).toHaveLength(16);
    expect(names.slice(0, 5)).toEqual(['none', 'cot', 'rag', 'fewshot', 'tidy']);
    expect(names.at(-1)).toBe('cot+rag+fewshot+tidy');
  });

  it('the chain runs its step', async () => {
    const [plain, tidy] = ablationVariants(['tidy']);
    const base = { item: NOTEBOOK_ROOT, pool: POOL, seed: 1, repeat: 0, provider: createOfflineProvider() };
    const off = await generateCandidate({ ...base, variant: plain! });
    const on = await generateCandidate({ ...base, variant: tidy! });
    expect(on.gherkin).toBe(`@tidied ${off.gherkin}`);
    expect(on.trace.steps.map((s) => s.name)).toEqual(['single']);
  });

  it('analysis derives the design from the stored flags: four main effects and six interactions', () => {
    const { manifest, records } = syntheticRun({ items: 12, seed: 3, variants: ablationVariants(FOUR) });
    const summary = summarize(manifest, records, { resamples: 50, now: new Date(0) });
    const terms = new Set(summary.effects.filter((e) => e.metric === 'structure').map((e) => e.term));
    expect([...terms].sort()).toEqual(
      [
        'cot',
        'rag',
        'fewShot',
        'tidy',
        'cot×rag',
        'cot×fewShot',
        'cot×tidy',
        'rag×fewShot',
        'rag×tidy',
        'fewShot×tidy',
      ].sort(),
    );
  });
});
