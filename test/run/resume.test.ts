import { describe, expect, it } from 'vitest';
import { planRun } from '../../src/run/execute.js';
import { createManifest } from '../../src/run/manifest.js';
import { assertResumable, resumeDifferences } from '../../src/run/resume.js';

const plan = await planRun({ flags: { limit: 2, variant: ['none', 'rag'] }, cwd: '/tmp', env: {} });
const manifest = createManifest(plan, new Date('2026-01-01T00:00:00Z'));

describe('resuming a stored run', () => {
  it('accepts the same experiment on the same inputs', () => {
    expect(resumeDifferences(plan, manifest)).toEqual([]);
    expect(() => assertResumable(plan, manifest)).not.toThrow();
  });

  it('names every difference that would mix two experiments in one run (exit 2)', () => {
    const changed = {
      ...manifest,
      dataset: { ...manifest.dataset, hash: 'f'.repeat(64) },
      hashes: { ...manifest.hashes, prompts: '0'.repeat(64) },
      variants: manifest.variants.map((v) => ({ ...v, rag: { ...v.rag, topK: 9 } })),
      items: manifest.items.slice(1),
      cases: 3,
    };
    expect(resumeDifferences(plan, changed)).toEqual([
      expect.stringMatching(/^the dataset changed \(sha256 ffffffffffff… → [0-9a-f]{12}…\)$/),
      expect.stringMatching(/^the prompt templates or named variants changed/),
      'the scored items differ',
      'the variants differ',
      '3 cases were planned, now 4',
    ]);
    let caught: unknown;
    try {
      assertResumable(plan, changed);
    } catch (error) {
      caught = error;
    }
    expect((caught as { exitCode?: number }).exitCode).toBe(2);
    expect((caught as Error).message).toMatch(/cannot resume: the dataset changed .*; start a new run/);
  });
});
