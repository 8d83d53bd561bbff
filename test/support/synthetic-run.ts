/**
 * Synthetic runs with known effects, for testing the statistics, the reports and the gate, and
 * for benchmarks. Scores are drawn from a seeded generator; nothing here pretends to be a model.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededUniform } from '../../src/analysis/random.js';
import type { Variant } from '../../src/generation/types.js';
import { CASE_RECORD_SCHEMA, type CaseRecord, MANIFEST_SCHEMA, type RunManifest } from '../../src/run/types.js';

/** Options of a synthetic 2^3 ablation run. */
export interface SyntheticOptions {
  items: number;
  repeats?: number;
  seed?: number;
  /** True effect of each technique on the `structure` metric (added when on). */
  effects?: { cot?: number; rag?: number; fewShot?: number; ragXfewShot?: number };
  /** Base mean of `structure`. */
  base?: number;
  /** SD of the per-item random effect and of the case noise. */
  itemSd?: number;
  noiseSd?: number;
  /** Share of cases that fail at generation. */
  failureRate?: number;
  model?: string;
  services?: string[];
  /** Variants to run; default: the 2^3 ablation. */
  variants?: Variant[];
  /**
   * Seed of the case noise, apart from `seed` (which draws the items' own effects): the same
   * `seed` with another `noiseSeed` is a repeat of the same configuration.
   */
  noiseSeed?: number;
}

/** A variant with the given techniques on. */
export function makeVariant(cot: boolean, rag: boolean, fewShot: boolean): Variant {
  const on = [cot && 'cot', rag && 'rag', fewShot && 'fewshot'].filter(Boolean) as string[];
  return {
    name: on.length ? on.join('+') : 'none',
    cot,
    rag: { enabled: rag, topK: 5, tokenBudget: 1500 },
    fewShot: { k: fewShot ? 2 : 0, strategy: 'similar', resample: false, otherServicesOnly: false },
    agent: { enabled: false, maxTurns: 8, maxToolCalls: 12, maxTokens: 60_000 },
    repair: { enabled: false, rounds: 1 },
    params: { temperature: 0 },
    techniques: { cot, rag, fewShot },
  };
}

/** The eight variants of the 2^3 ablation, `none` first. */
export function ablation(): Variant[] {
  const out: Variant[] = [];
  for (const cot of [false, true])
    for (const rag of [false, true]) for (const fs of [false, true]) out.push(makeVariant(cot, rag, fs));
  return out.sort((a, b) => a.name.split('+').length - b.name.split('+').length || (a.name === 'none' ? -1 : 0));
}

function normal(uniform: () => number): number {
  const u = Math.max(uniform(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
}

const clamp = (x: number): number => Math.min(1, Math.max(0, x));

/** A manifest and records of a synthetic ablation run. */
export function syntheticRun(options: SyntheticOptions): { manifest: RunManifest; records: CaseRecord[] } {
  const uniform = seededUniform(options.seed ?? 7);
  const repeats = options.repeats ?? 1;
  const model = options.model ?? 'offline:reference';
  const variants = options.variants ?? ablation();
  const services = options.services ?? ['sagemaker', 's3', 'rds', 'ec2', 'iam'];
  const e = { cot: 0, rag: 0, fewShot: 0, ragXfewShot: 0, ...options.effects };
  const items = Array.from({ length: options.items }, (_, i) => ({
    id: `item-${String(i).padStart(3, '0')}`,
    controlId: null,
    service: services[i % services.length] as string,
    resourceType: 'AWS::Test::Resource',
    category: i % 2 ? 'logging' : 'encryption-at-rest',
    severity: 'high',
    requirement: `Synthetic requirement ${i}`,
    goldText: `Feature: SYNTHETIC_${i}`,
    effect: normal(uniform) * (options.itemSd ?? 0.1),
  }));
  const noise = options.noiseSeed === undefined ? uniform : seededUniform(options.noiseSeed);
  const records: CaseRecord[] = [];
  const zeroUsage = {
    calls: 1,
    tokensIn: 100,
    tokensOut: 200,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    latencyMs: 5,
    costUsd: 0,
  };
  for (const item of items) {
    for (const v of variants) {
      for (let repeat = 0; repeat < repeats; repeat++) {
        const fs = v.fewShot.k > 0;
        const mu =
          (options.base ?? 0.5) +
          item.effect +
          (v.cot ? e.cot : 0) +
          (v.rag.enabled ? e.rag : 0) +
          (fs ? e.fewShot : 0) +
          (v.rag.enabled && fs ? e.ragXfewShot : 0);
        const structure = mu + normal(noise) * (options.noiseSd ?? 0.05);
        const failed = noise() < (options.failureRate ?? 0);
        const parsed = noise() < clamp(mu + 0.3);
        records.push({
          schema: CASE_RECORD_SCHEMA,
          key: `${item.id}|${v.name}|${model}|${repeat}`,
          itemId: item.id,
          variant: v.name,
          model,
          repeat,
          candidate: failed ? null : `Feature: CANDIDATE_${item.id}`,
          trace: { steps: [], retrieved: [], fewShotIds: [] },
          scores: failed
            ? []
            : [
                { metric: 'parse', value: parsed ? 1 : 0, pass: parsed, reason: 'synthetic' },
                { metric: 'structure', value: structure, reason: 'synthetic' },
              ],
          usage: { generation: zeroUsage, judge: null },
          error: failed ? { stage: 'generation', message: 'ThrottlingException: synthetic' } : null,
          startedAt: '2026-01-01T00:00:00.000Z',
          finishedAt: '2026-01-01T00:00:01.000Z',
        });
      }
    }
  }
  const manifest: RunManifest = {
    schema: MANIFEST_SCHEMA,
    runId: 'synthetic',
    config: {},
    variants,
    models: [model],
    repeats,
    seed: options.seed ?? 7,
    dataset: { name: 'synthetic', split: 'eval', items: items.length, hash: 'synthetic' },
    items: items.map(({ effect: _effect, ...rest }) => rest),
    hashes: { prompts: 'synthetic', rubric: null, judgePrompt: null },
    versions: { gherkinBench: 'test', node: process.version, promptfoo: 'n/a', botocoreModels: 'n/a' },
    git: { commit: null, dirty: null },
    judge: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:10:00.000Z',
    cases: records.length,
  };
  return { manifest, records };
}

/** Write a synthetic run as a run folder (manifest.json + results.jsonl), as the run store does. */
export function writeRunDir(dir: string, run: { manifest: RunManifest; records: CaseRecord[] }): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(run.manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'results.jsonl'), run.records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return dir;
}
