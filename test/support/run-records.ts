/** Minimal, valid run-store records for tests; each test overrides only what it is about. */
import type { CaseUsage } from '../../src/generation/types.js';
import { CASE_RECORD_SCHEMA, type CaseRecord, MANIFEST_SCHEMA, type RunManifest } from '../../src/run/types.js';

/** The usage of one small offline call. */
export function testUsage(overrides: Partial<CaseUsage> = {}): CaseUsage {
  return {
    calls: 1,
    tokensIn: 10,
    tokensOut: 20,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    latencyMs: 5,
    costUsd: 0,
    ...overrides,
  };
}

/** A finished case of item `item-<key>` under variant `none` of the offline model. */
export function testRecord(key: string, overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    schema: CASE_RECORD_SCHEMA,
    key,
    itemId: `item-${key}`,
    variant: 'none',
    model: 'offline:reference',
    repeat: 0,
    candidate: `Feature: ${key}\n`,
    trace: { steps: [], retrieved: [], fewShotIds: [] },
    scores: [],
    usage: { generation: testUsage(), judge: null },
    error: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    ...overrides,
  };
}

/** A manifest of `cases` cases of the offline model, with no variants or items unless given. */
export function testManifest(runId: string, cases: number, overrides: Partial<RunManifest> = {}): RunManifest {
  return {
    schema: MANIFEST_SCHEMA,
    runId,
    config: {},
    variants: [],
    models: ['offline:reference'],
    repeats: 1,
    seed: 1,
    dataset: { name: 'd', split: 'eval', items: cases, hash: 'h' },
    items: [],
    hashes: { prompts: 'p', rubric: null, judgePrompt: null },
    versions: { gherkinBench: '0', node: '20', promptfoo: '0', botocoreModels: '0' },
    git: { commit: null, dirty: null },
    judge: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: null,
    cases,
    ...overrides,
  };
}
