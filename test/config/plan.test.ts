import { describe, expect, it } from 'vitest';
import { caseKey, variantHash } from '../../src/config/case-key.js';
import { resolveEnv } from '../../src/config/env.js';
import { applyFlags } from '../../src/config/flags.js';
import { type LoadedExperiment, parseExperimentText } from '../../src/config/load.js';
import { buildPlan } from '../../src/config/plan.js';
import { loadDataset } from '../../src/dataset/load.js';
import { splitItems } from '../../src/dataset/splits.js';
import type { Dataset } from '../../src/dataset/types.js';
import type { Variant } from '../../src/generation/types.js';
import { ablationVariants, DEFAULT_ABLATION, DEFAULT_VARIANT, PAPER_ABLATION } from '../../src/generation/variants.js';

const dataset = await loadDataset();
const evalCount = splitItems(dataset, 'eval').length;

function experiment(text: string, flags = {}): LoadedExperiment {
  return { config: applyFlags(parseExperimentText(text, 'e.yaml'), flags), file: 'e.yaml', baseDir: process.cwd() };
}

const plan = (text: string, flags = {}, data: Dataset = dataset) =>
  buildPlan(experiment(text, flags), { dataset: data, cwd: '/tmp/gb-plan', now: new Date('2026-01-02T03:04:05Z') });

describe('run plans', () => {
  it('the default experiment is the full 2^5 ablation of the five techniques over the evaluation split', async () => {
    const p = await plan('');
    expect(DEFAULT_ABLATION).toEqual(['cot', 'rag', 'fewShot', 'agent', 'repair']);
    expect(p.variants.map((v) => v.name)).toEqual(ablationVariants(DEFAULT_ABLATION).map((v) => v.name));
    expect(p.variants).toHaveLength(32);
    expect(p.variants[0]?.name).toBe('none');
    expect(p.variants.at(-1)?.name).toBe('cot+rag+fewshot+agent+repair');
    expect(p.items).toHaveLength(evalCount);
    expect(p.cases).toHaveLength(32 * evalCount);
    expect(p.models).toEqual(['offline:reference']);
    expect(p.judge).toBeNull();
    expect(p.runId).toMatch(/^20260102-030405-[0-9a-f]{6}$/);
    expect(p.runDir).toBe(`/tmp/gb-plan/reports/${p.runId}`);
    expect(p.cache).toEqual({ mode: 'use', dir: '/tmp/gb-plan/.cache/gherkin-bench/calls' });
  });

  it("holds the paper's 2^3 ablation as its agent-off, repair-off half: the same variants and case keys", async () => {
    const full = await plan('dataset: { limit: 3 }\n');
    const paper = await plan('ablate: [cot, rag, fewShot]\ndataset: { limit: 3 }\n');
    expect(PAPER_ABLATION).toEqual(['cot', 'rag', 'fewShot']);
    const inner = full.variants.filter((v) => !v.agent.enabled && !v.repair.enabled);
    expect(inner).toEqual(paper.variants);
    const keys = new Set(full.cases.map((c) => c.key));
    expect(paper.cases.every((c) => keys.has(c.key))).toBe(true);
    expect(full.cases).toHaveLength(4 * paper.cases.length);
  });

  it('ablates repair when the experiment names it, with its rounds from the base; the paper ablation keeps its keys', async () => {
    const p = await plan(
      'ablate: [cot, rag, fewShot, repair]\nbase: { repair: { rounds: 2 } }\ndataset: { limit: 2 }\n',
    );
    expect(p.variants).toHaveLength(16);
    expect(p.variants.at(-1)?.name).toBe('cot+rag+fewshot+repair');
    expect(p.variants.filter((v) => v.repair.enabled).map((v) => v.repair.rounds)).toEqual(Array(8).fill(2));
    // The 8 repair-off variants of the 2^4 ablation are the paper's 2^3 ablation: the same cases.
    const paper = await plan('ablate: [cot, rag, fewShot]\ndataset: { limit: 2 }\n');
    const withRepair = await plan('ablate: [cot, rag, fewShot, repair]\ndataset: { limit: 2 }\n');
    const keys = new Set(withRepair.cases.map((c) => c.key));
    expect(paper.cases.every((c) => keys.has(c.key))).toBe(true);
    expect(withRepair.cases).toHaveLength(2 * paper.cases.length);
  });

  it('runs a seeded half fraction of a five-technique ablation, and refuses one of three techniques', async () => {
    const p = await plan('ablate: [cot, rag, fewShot, agent, repair]\ndesign: half\ndataset: { limit: 1 }\n');
    expect(p.variants).toHaveLength(16);
    const level = (v: Variant) => [v.cot, v.rag.enabled, v.fewShot.k > 0, v.agent.enabled, v.repair.enabled];
    const signs = new Set(p.variants.map((v) => level(v).reduce((prod, on) => prod * (on ? 1 : -1), 1)));
    expect(signs.size).toBe(1);
    const again = await plan('ablate: [cot, rag, fewShot, agent, repair]\ndesign: half\ndataset: { limit: 1 }\n');
    expect(again.variants.map((v) => v.name)).toEqual(p.variants.map((v) => v.name));
    const seeds = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        plan(`ablate: [cot, rag, fewShot, agent, repair]\ndesign: half\nseed: ${seed}\ndataset: { limit: 1 }\n`),
      ),
    );
    expect(new Set(seeds.map((q) => q.variants[0]?.name)).size).toBe(2);
    await expect(plan('ablate: [cot, rag, fewShot]\ndesign: half\n')).rejects.toThrow(
      /design: a half fraction of 3 techniques has resolution III/,
    );
    // With no `ablate`, the half fraction is of the default ablation's five techniques.
    const implicit = await plan('design: half\ndataset: { limit: 1 }\n');
    expect(implicit.variants.map((v) => v.name)).toEqual(p.variants.map((v) => v.name));
  });

  it('sizes the grid as items × variants × models × repeats', async () => {
    const p = await plan('models: [offline, offline:reference]\nrepeats: 3\ndataset: { limit: 2 }\n');
    expect(p.cases).toHaveLength(2 * 32 * 2 * 3);
    expect(new Set(p.cases.map((c) => c.key)).size).toBe(p.cases.length);
    const q = await plan('', { variant: ['none', 'cot+rag'], limit: 4 });
    expect(q.cases).toHaveLength(4 * 2);
  });

  it('gives each case a stable key (same plan, same keys; a pinned value)', async () => {
    const a = await plan('dataset: { limit: 3 }');
    const b = await plan('dataset: { limit: 3 }\nseed: 9\nconcurrency: 1');
    expect(a.cases.map((c) => c.key)).toEqual(b.cases.map((c) => c.key));
    expect(caseKey('sagemaker-notebook-direct-internet', DEFAULT_VARIANT, 'offline:reference', 0)).toBe(
      caseKey('sagemaker-notebook-direct-internet', { ...DEFAULT_VARIANT }, 'offline:reference', 0),
    );
    expect(variantHash({ ...DEFAULT_VARIANT, params: { maxTokens: 2048, temperature: 0 } })).toBe(
      variantHash(DEFAULT_VARIANT),
    );
    const literal = {
      name: 'none',
      cot: false,
      rag: { enabled: false, topK: 5, tokenBudget: 1500 },
      fewShot: { k: 0, strategy: 'similar' as const, resample: false, otherServicesOnly: false },
      agent: { enabled: false, maxTurns: 8, maxToolCalls: 12, maxTokens: 60_000 },
      repair: { enabled: false, rounds: 1 },
      params: { temperature: 0, maxTokens: 2048 },
    };
    // Pinned: changing how keys are made would orphan every stored run's cases on resume.
    expect(caseKey('x', literal, 'm', 0)).toBe('fb67e02f2bd6c3d9');
    // Techniques added to the table later (agent, repair) leave the key of a variant stored before it alone while off.
    const { repair: _added, agent: _alsoAdded, ...storedBefore } = literal;
    expect(caseKey('x', storedBefore as Variant, 'm', 0)).toBe('fb67e02f2bd6c3d9');
    expect(caseKey('x', { ...literal, repair: { enabled: true, rounds: 1 } }, 'm', 0)).not.toBe('fb67e02f2bd6c3d9');
    expect(caseKey('x', { ...literal, repair: { enabled: false, rounds: 2 } }, 'm', 0)).not.toBe('fb67e02f2bd6c3d9');
    expect(caseKey('x', DEFAULT_VARIANT, 'm', 1)).not.toBe(caseKey('x', DEFAULT_VARIANT, 'm', 0));
    expect(caseKey('x', { ...DEFAULT_VARIANT, cot: true }, 'm', 0)).not.toBe(caseKey('x', DEFAULT_VARIANT, 'm', 0));
  });

  it('mixes an ablation with inline and named variants', async () => {
    const p = await plan(
      'ablate: [cot]\nvariants:\n  - rag+fewshot\n  - name: wide-rag\n    rag: { enabled: true, topK: 12 }\n',
    );
    expect(p.variants.map((v) => v.name)).toEqual(['none', 'cot', 'rag+fewshot', 'wide-rag']);
    expect(p.variants[3]?.rag).toMatchObject({ enabled: true, topK: 12 });
  });

  it('rejects an unknown variant with a suggestion and the field', async () => {
    await expect(plan('variants: [none, cot+rga]')).rejects.toThrow(
      /^e\.yaml: variants\[1\]: unknown variant "cot\+rga" \(did you mean cot\+rag/,
    );
    await expect(plan('variants: [cot, cot]')).rejects.toThrow(/variant "cot" appears twice/);
  });

  it('needs a judge model when the judge is on, and loads its rubric', async () => {
    await expect(plan('judge: { samples: 2 }')).rejects.toThrow(
      /^e\.yaml: judge\.model: the judge is enabled but has no model/,
    );
    await expect(plan('judge: { enabled: false }')).resolves.toMatchObject({ judge: null });
    const p = await plan('', { judge: 'bedrock:anthropic.claude-3-5-sonnet-20240620-v1:0' });
    expect(p.judge?.model).toBe('bedrock:anthropic.claude-3-5-sonnet-20240620-v1:0');
    expect(p.judge?.rubric.hash).toMatch(/^[0-9a-f]{64}$/);
    await expect(plan('judge: { model: x, rubric: nope }')).rejects.toThrow(/judge\.rubric: rubric not found/);
  });

  it('checks the split and item ids against the dataset', async () => {
    const evalOnly: Dataset = { ...dataset, items: dataset.items.filter((i) => i.split === 'eval') };
    await expect(plan('dataset: { split: fewshot }', {}, evalOnly)).rejects.toThrow(
      /dataset\.split: the "fewshot" split of .* has no items/,
    );
    await expect(plan('variants: [fewshot]', {}, evalOnly)).rejects.toThrow(
      /uses few-shot exemplars but .* has no "fewshot" split items/,
    );
    const first = splitItems(dataset, 'eval')[0]?.id as string;
    const p = await plan(`dataset: { items: [${first}] }`);
    expect(p.items.map((i) => i.id)).toEqual([first]);
    await expect(plan(`dataset: { items: [${first}x] }`)).rejects.toThrow(/dataset\.items\[0\]: item ".*" is not in/);
  });

  it('keeps only the environment variables it honours', async () => {
    const env = resolveEnv({
      AWS_ENDPOINT_URL: 'http://127.0.0.1:1',
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: 'http://127.0.0.1:2',
      AWS_REGION: 'eu-west-1',
      PROMPTFOO_CACHE_TYPE: 'memory',
      HOME: '/root',
      OPENAI_API_KEY: 'secret',
    });
    expect(env.bedrockEndpoint).toBe('http://127.0.0.1:2');
    expect(env.region).toBe('eu-west-1');
    expect(Object.keys(env.vars).sort()).toEqual([
      'AWS_ENDPOINT_URL',
      'AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
      'AWS_REGION',
      'PROMPTFOO_CACHE_TYPE',
    ]);
    const p = await buildPlan(experiment(''), { dataset, env: { AWS_REGION: 'us-west-2' }, cwd: '/tmp' });
    expect(p.env.region).toBe('us-west-2');
  });
});
