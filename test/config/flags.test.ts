import { describe, expect, it } from 'vitest';
import { applyFlags, caseChangingFlags, flagName, RUN_FLAGS } from '../../src/config/flags.js';
import { parseExperimentText } from '../../src/config/load.js';
import { UserError } from '../../src/errors.js';

const file = parseExperimentText(
  [
    'models: [bedrock:anthropic.claude-3-5-haiku-20241022-v1:0]',
    'variants: [none, cot]',
    'repeats: 3',
    'concurrency: 2',
    'dataset: { limit: 10 }',
  ].join('\n'),
  'e.yaml',
);

describe('run flags override the experiment file', () => {
  it('replaces models, variants, limit, repeats, concurrency, seed and out', () => {
    const config = applyFlags(file, {
      model: ['offline'],
      variant: ['rag'],
      limit: 2,
      repeats: 1,
      concurrency: 8,
      seed: 7,
      out: 'elsewhere',
    });
    expect(config.models).toEqual(['offline']);
    expect(config.variants).toEqual(['rag']);
    expect(config.ablate).toBeUndefined();
    expect(config.dataset.limit).toBe(2);
    expect(config.repeats).toBe(1);
    expect(config.concurrency).toBe(8);
    expect(config.seed).toBe(7);
    expect(config.out).toBe('elsewhere');
  });

  it('keeps the file where no flag is given', () => {
    expect(applyFlags(file, {})).toEqual(file);
  });

  it('maps --replay, --no-cache and --judge onto the config', () => {
    expect(applyFlags(file, { replay: true }).cache.mode).toBe('replay');
    expect(applyFlags(file, { cache: false }).cache.mode).toBe('off');
    expect(applyFlags(file, { cache: true }).cache.mode).toBe('use');
    const judged = applyFlags(file, { judge: 'bedrock:anthropic.claude-3-5-sonnet-20240620-v1:0' });
    expect(judged.judge).toMatchObject({
      enabled: true,
      model: 'bedrock:anthropic.claude-3-5-sonnet-20240620-v1:0',
      rubric: 'default',
    });
  });

  it('rejects a bad flag value naming the flag (exit 2)', () => {
    for (const [flags, name] of [
      [{ repeats: 0 }, '--repeats'],
      [{ concurrency: 65 }, '--concurrency'],
      [{ limit: Number.NaN }, '--limit'],
      [{ runId: '../x' }, '--run-id'],
    ] as const) {
      let caught: unknown;
      try {
        applyFlags(file, flags);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UserError);
      expect((caught as UserError).message.startsWith(`${name}: `)).toBe(true);
      expect((caught as UserError).exitCode).toBe(2);
    }
  });

  it('declares every flag once, in kebab case, and knows which change the cases', () => {
    expect(Object.keys(RUN_FLAGS).map(flagName)).toContain('--run-id');
    expect(Object.keys(RUN_FLAGS).map(flagName)).toContain('--promptfoo-db');
    expect(caseChangingFlags({ model: ['x'], concurrency: 2, replay: true })).toEqual(['--model']);
  });
});
