import { describe, expect, it } from 'vitest';
import { modelFamily, summarize } from '../../src/analysis/summarize.js';
import { SUMMARY_SCHEMA } from '../../src/analysis/types.js';
import { syntheticRun } from '../support/synthetic-run.js';

describe('summarize', () => {
  const { manifest, records } = syntheticRun({ items: 40, effects: { rag: 0.15 }, failureRate: 0.02, seed: 5 });
  const summary = summarize(manifest, records, { draws: 2000, now: new Date(0) });

  it('estimates every variant × metric, with the reference being everything off', () => {
    expect(summary.schema).toBe(SUMMARY_SCHEMA);
    expect(summary.reference).toBe('none');
    expect(summary.variants).toHaveLength(8);
    const structure = summary.estimates.filter((e) => e.metric === 'structure');
    expect(structure).toHaveLength(8);
    const parse = summary.estimates.find((e) => e.metric === 'parse' && e.variant === 'none');
    expect(parse?.pass?.ci.method).toBe('wilson');
  });

  it('finds the real effect and not the absent ones', () => {
    const effects = summary.effects.filter((e) => e.metric === 'structure');
    const rag = effects.find((e) => e.term === 'rag');
    const cot = effects.find((e) => e.term === 'cot');
    expect(rag?.ci.low).toBeGreaterThan(0.1);
    expect(cot?.ci.low).toBeLessThan(0);
    expect(cot?.ci.high).toBeGreaterThan(0);
    const ragVsNone = summary.comparisons.find((c) => c.metric === 'structure' && c.variant === 'rag');
    expect(ragVsNone?.significant).toBe(true);
  });

  it('counts failures apart and says the judge was not run', () => {
    expect(summary.counts.failed).toBe(records.filter((r) => r.error).length);
    expect(summary.counts.failed).toBeGreaterThan(0);
    expect(summary.failures[0]?.stage).toBe('generation');
    expect(summary.judge.run).toBe(false);
    expect(summary.judge.reason).toMatch(/not run/);
    expect(summary.estimates.some((e) => e.metric.startsWith('judge.'))).toBe(false);
  });

  it('prints a minimum detectable effect and breakdowns by service', () => {
    const mde = summary.detectable.find((d) => d.metric === 'structure');
    expect(mde?.mde).toBeGreaterThan(0);
    expect(mde?.mde).toBeLessThan(0.1);
    expect(summary.breakdowns.some((b) => b.by === 'service' && b.key === 'sagemaker')).toBe(true);
  });

  it('is repeatable for a seed', () => {
    expect(summarize(manifest, records, { draws: 2000, now: new Date(0) })).toEqual(
      summarize(manifest, records, { draws: 2000, now: new Date(0) }),
    );
  });

  it('knows model families', () => {
    expect(modelFamily('bedrock:anthropic.claude-3-5-sonnet-20240620-v1:0')).toBe('anthropic');
    expect(modelFamily('bedrock:us.anthropic.claude-3-haiku-20240307-v1:0')).toBe('anthropic');
    expect(modelFamily('openai:gpt-4o')).toBe('openai');
  });
});
