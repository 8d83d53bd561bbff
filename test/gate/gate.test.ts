import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { makeBaseline } from '../../src/gate/baseline.js';
import { evaluateGate } from '../../src/gate/evaluate.js';
import { gateJunit, gateMarkdown, gateTable, githubAnnotations } from '../../src/gate/output.js';
import { DEFAULT_RULES, type GateRules, parseRules } from '../../src/gate/rules.js';
import { makeVariant, type SyntheticOptions, syntheticRun } from '../support/synthetic-run.js';

function run(options: SyntheticOptions) {
  const { manifest, records } = syntheticRun(options);
  return { manifest, records, summary: summarize(manifest, records, { draws: 1000, now: new Date(0) }) };
}

describe('regression gate', () => {
  const base = run({ items: 60, seed: 1, noiseSeed: 100, effects: { rag: 0.15 }, noiseSd: 0.1 });
  const baseline = makeBaseline(base.manifest, base.records, base.summary, new Date(0));

  it('passes the run it was saved from on relative rules, and applies absolute floors', () => {
    const relative: GateRules = { ...DEFAULT_RULES, rules: DEFAULT_RULES.rules.map(({ min: _min, ...rule }) => rule) };
    const result = evaluateGate(baseline, base, relative);
    expect(result.passed).toBe(true);
    expect(result.flips).toEqual([]);
    const floored = evaluateGate(baseline, base, DEFAULT_RULES);
    const floors = floored.checks.filter((c) => c.kind === 'min');
    expect(floors.length).toBe(8);
    for (const check of floors) expect(check.verdict).toBe((check.current ?? 0) >= 0.9 ? 'pass' : 'fail');
  });

  it('does not flag repeat-to-repeat noise of the same configuration', () => {
    const again = run({ items: 60, seed: 1, noiseSeed: 200, effects: { rag: 0.15 }, noiseSd: 0.1 });
    const result = evaluateGate(baseline, again, DEFAULT_RULES);
    const failed = result.checks.filter((c) => c.verdict === 'fail' && c.kind === 'noSignificantRegression');
    expect(failed).toEqual([]);
  });

  it('catches a variant whose prompt lost its RAG block', () => {
    const lostRag = run({ items: 60, seed: 1, noiseSeed: 300, effects: { rag: 0 }, noiseSd: 0.1 });
    const result = evaluateGate(baseline, lostRag, DEFAULT_RULES);
    expect(result.passed).toBe(false);
    const failing = result.checks.filter((c) => c.verdict === 'fail' && c.metric === 'structure').map((c) => c.variant);
    expect(new Set(failing)).toEqual(new Set(['rag', 'rag+fewshot', 'cot+rag', 'cot+rag+fewshot']));
    const none = result.checks.find(
      (c) => c.metric === 'structure' && c.variant === 'none' && c.kind === 'noSignificantRegression',
    );
    expect(none?.verdict).toBe('pass');
  });

  it('catches a scorer bug that halves a metric', () => {
    const halved = run({ items: 60, seed: 1, noiseSeed: 100, effects: { rag: 0.15 }, noiseSd: 0.1 });
    for (const r of halved.records)
      for (const s of r.scores) if (s.metric === 'structure' && s.value !== null) s.value /= 2;
    const summary = summarize(halved.manifest, halved.records);
    const result = evaluateGate(baseline, { ...halved, summary }, DEFAULT_RULES);
    expect(result.checks.filter((c) => c.metric === 'structure').every((c) => c.verdict === 'fail')).toBe(true);
  });

  it('lists items that flipped from pass to fail and renders every output', () => {
    const broken = run({ items: 60, seed: 1, noiseSeed: 100, effects: { rag: 0.15 }, noiseSd: 0.1 });
    const flipped = broken.records.find((r) => r.scores.some((s) => s.metric === 'parse' && s.pass));
    const parse = flipped?.scores.find((s) => s.metric === 'parse');
    if (!flipped || !parse) throw new Error('no passing case');
    parse.pass = false;
    parse.value = 0;
    const result = evaluateGate(
      baseline,
      { ...broken, summary: summarize(broken.manifest, broken.records, { draws: 1000 }) },
      DEFAULT_RULES,
    );
    expect(result.flips).toContainEqual({
      itemId: flipped.itemId,
      variant: flipped.variant,
      model: flipped.model,
      metric: 'parse',
    });
    expect(gateTable(result)).toMatch(/flipped from pass to fail/);
    expect(gateJunit(result)).toMatch(/<testsuites name="gherkin-bench gate" tests="\d+" failures="\d+">/);
    expect(gateMarkdown(result)).toMatch(/### gherkin-bench gate/);
    expect(githubAnnotations(result).some((a) => a.startsWith('::warning'))).toBe(true);
  });

  it('writes cost reasons in the cost units (USD to 5 decimals)', () => {
    const rules = parseRules({ rules: [{ metric: 'cost_usd', max: 0.01, maxDrop: 0.001 }] }, 'gate.yaml');
    const result = evaluateGate(baseline, base, rules);
    expect(result.checks.length).toBeGreaterThan(0);
    for (const check of result.checks.filter((c) => c.kind === 'max'))
      expect(check.reason).toBe('current 0.00000 <= ceiling 0.01');
    for (const check of result.checks.filter((c) => c.kind === 'maxDrop'))
      expect(check.reason).toBe('rise 0.00000 (baseline 0.00000 → 0.00000)');
  });

  it('refuses a baseline of another dataset or other variants, unless allowed', () => {
    const other = run({ items: 60, seed: 1, effects: { rag: 0.15 } });
    other.manifest.dataset.hash = 'different';
    expect(() => evaluateGate(baseline, other, DEFAULT_RULES)).toThrow(/dataset differs/);
    const warned = evaluateGate(baseline, other, DEFAULT_RULES, { allowMismatch: true });
    expect(warned.warnings[0]).toMatch(/dataset differs/);
    const fewer = run({ items: 60, seed: 1, variants: [makeVariant(false, false, false)] });
    expect(() => evaluateGate(baseline, fewer, DEFAULT_RULES)).toThrow(/variants differ \(missing from the run: /);
  });

  it('rejects rules naming an unknown metric', () => {
    expect(() => parseRules({ rules: [{ metric: 'parse_rate', min: 0.9 }] }, 'gate.yaml')).toThrow(
      /gate\.yaml: rules\.0\.metric: unknown metric/,
    );
    expect(() => parseRules({ rules: [{ metric: 'parse' }] }, 'gate.yaml')).toThrow(/needs at least one of/);
  });
});
