import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/dataset/load.js';
import type { Item } from '../../../src/dataset/types.js';
import { isUserError } from '../../../src/errors.js';
import { createBedrockProvider } from '../../../src/generation/providers/bedrock.js';
import { type CalibrationReport, calibrate } from '../../../src/scoring/calibration/calibrate.js';
import { CORRUPTIONS, type Corruption } from '../../../src/scoring/calibration/corrupt.js';
import { loadCalibrationSets } from '../../../src/scoring/calibration/labels.js';
import { renderCalibration } from '../../../src/scoring/calibration/render.js';
import { loadRubric } from '../../../src/scoring/judge/rubric.js';
import { CHECK_METRICS } from '../../../src/scoring/types.js';
import { FAKE_CREDENTIALS, type FakeBedrock, reply, startFakeBedrock } from '../../support/fake-bedrock.js';
import { goldItem } from '../fixtures.js';

const IDS = [
  'sagemaker-notebook-root-access-disabled',
  'sagemaker-notebook-no-direct-internet',
  'elb-alb-deletion-protection',
];
let items: Item[];
let offline: CalibrationReport;
let fake: FakeBedrock;

beforeAll(async () => {
  const dataset = await loadDataset();
  items = [goldItem({ id: 'fixture-notebook' }), ...dataset.items.filter((i) => IDS.includes(i.id))];
  offline = await calibrate({ items });
  fake = await startFakeBedrock();
}, 60_000);
afterAll(async () => {
  await fake.close();
});

/** How many of the first `n` items a corruption applies to. */
const applicable = (c: Corruption | undefined, n = items.length) =>
  items.slice(0, n).filter((i) => c?.apply(i.goldText, i.service) !== null).length;

const row = (report: CalibrationReport, metric: string, corruption: string) =>
  report.sensitivity.find((r) => r.metric === metric && r.corruption === corruption);

describe('calibrate without a judge (deterministic metrics)', () => {
  it('applies every corruption to every gold and tabulates every metric × corruption', () => {
    expect(items).toHaveLength(4);
    expect(offline.corruptions.map((c) => [c.id, c.applied])).toEqual(CORRUPTIONS.map((c) => [c.id, applicable(c)]));
    const used = CORRUPTIONS.filter((c) => applicable(c) > 0);
    expect(offline.sensitivity).toHaveLength(CHECK_METRICS.length * used.length);
    for (const r of offline.sensitivity)
      expect(r.higher + r.ties + r.lower + r.notScored).toBe(
        applicable(CORRUPTIONS.find((c) => c.id === r.corruption)),
      );
    expect(offline.judge).toBeNull();
    expect(offline.agreement).toBeNull();
    expect(offline.notes.join(' ')).toMatch(/judge: not run/);
  });

  it('finds what each metric can and cannot see', () => {
    expect(row(offline, 'structure', 'then-removed')).toMatchObject({ higher: 4, verdict: 'detects' });
    expect(row(offline, 'outcome_coverage', 'non-compliant-dropped')).toMatchObject({ higher: 4, verdict: 'detects' });
    expect(row(offline, 'path_recall', 'wrong-member-path')).toMatchObject({ higher: 4, verdict: 'detects' });
    expect(row(offline, 'api_recall', 'wrong-service')).toMatchObject({ higher: 4, verdict: 'detects' });
    expect(row(offline, 'grounding', 'wrong-service')?.verdict).toBe('detects');
    // Swapping COMPLIANT and NON_COMPLIANT keeps the structure, the APIs and the outcome set.
    for (const metric of ['parse', 'structure', 'grounding', 'api_recall', 'path_recall', 'outcome_coverage'])
      expect(row(offline, metric, 'inverted-expected-value')?.verdict, metric).toBe('blind');
    expect(offline.blind.outcome_coverage).toContain('inverted-expected-value');
    // Reordering scenarios changes nothing a fair metric looks at; padding raises nothing.
    for (const r of offline.sensitivity.filter((x) => x.corruption === 'scenarios-shuffled'))
      expect(r.verdict, r.metric).toBe('invariant');
    for (const r of offline.sensitivity.filter((x) => x.corruption === 'verbose-padding'))
      expect(r.verdict, r.metric).toBe('ok');
  });

  it('correlates each deterministic metric with the labelled scores, offline', async () => {
    const report = await calibrate({ items, calibration: loadCalibrationSets() });
    const cell = (metric: string, criterion: string) =>
      report.labelCorrelation?.find((c) => c.metric === metric && c.criterion === criterion);
    expect(cell('outcome_coverage', 'completeness')?.n).toBe(10);
    expect(cell('outcome_coverage', 'completeness')?.spearman).toBeGreaterThan(0.5);
    // Every labelled candidate parses: a constant metric has no rank correlation.
    expect(cell('parse', 'correctness')?.spearman).toBeNull();
    expect(report.agreement).toBeNull();
    expect(renderCalibration(report)).toContain('Deterministic metrics vs labelled scores');
  });

  it('renders a table naming the blind spots', () => {
    const text = renderCalibration(offline);
    expect(text).toContain('Sensitivity');
    expect(text).toMatch(/Blind \(never scores the gold higher\): .*outcome_coverage ← [^;]*inverted-expected-value/);
  });

  it('prints every column header of the sensitivity table whole, each over its own column', () => {
    const lines = renderCalibration(offline).split('\n');
    const header = lines.find((l) => l.trimStart().startsWith('metric ')) ?? '';
    const ids = offline.corruptions.map((c) => c.id);
    expect(header.trim().split(/\s{2,}/)).toEqual(['metric', ...ids]);
    const row = lines.find((l) => l.trimStart().startsWith('outcome_coverage ')) ?? '';
    for (const id of ids) {
      const cell = row.slice(header.indexOf(id)).split(/\s{2,}/)[0] ?? '';
      expect(cell, id).toMatch(/^(\d+%|–) \S+ \d+\/\d+\/\d+/);
    }
  });
});

/** A fake judge with fixed, content-based habits, to prove the plumbing (not to measure a model). */
function heuristicJudge(prompt: string) {
  const candidate = /## Candidate control\s*```gherkin\n([\s\S]*?)\n```/.exec(prompt)?.[1] ?? '';
  const outcomes = new Set(candidate.match(/\b(NON_COMPLIANT|NOT_APPLICABLE|COMPLIANT)\b/g) ?? []).size;
  const score = {
    correctness: /"ec2\.|Setting"/.test(candidate) ? 2 : 5,
    completeness: Math.min(5, outcomes + 2),
    specificity: (candidate.match(/"[A-Za-z0-9_.[\]{}]+"/g) ?? []).length > 3 ? 5 : 2,
    testability: 4,
    clarity: candidate.includes('best practices') ? 2 : 5,
  };
  return {
    criteria: Object.fromEntries(Object.entries(score).map(([id, s]) => [id, { score: s, reason: 'heuristic' }])),
    rationale: 'fake heuristic judge',
  };
}

describe('calibrate with a judge (fake Bedrock runtime, real SDK)', () => {
  it('adds judge rows, agreement, repeatability and the verbosity probe', async () => {
    fake.respond((request) => {
      const content = request.body?.messages?.[0]?.content?.[0] as { text?: string } | undefined;
      return reply.tool(heuristicJudge(content?.text ?? ''));
    });
    const provider = createBedrockProvider({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      region: 'us-east-1',
      endpoint: fake.url,
      credentials: FAKE_CREDENTIALS,
      maxAttempts: 1,
    });
    const calibration = loadCalibrationSets();
    const report = await calibrate({ items, calibration, judge: { provider, rubric: loadRubric(), samples: 2 } });

    const texts = 4 + CORRUPTIONS.reduce((n, c) => n + applicable(c), 0);
    const cases = calibration.flatMap((s) => s.cases).length;
    expect(report.judge).toMatchObject({ samples: 2, failures: [], mode: 'reference-guided' });
    expect(report.judge?.usage.calls).toBe((texts + cases) * 2);
    expect(fake.calls).toBe((texts + cases) * 2);

    expect(row(report, 'judge.correctness', 'wrong-member-path')?.verdict).toBe('detects');
    expect(row(report, 'judge.correctness', 'wrong-service')?.verdict).toBe('detects');
    expect(row(report, 'judge.clarity', 'verbose-padding')).toMatchObject({ lower: 0, verdict: 'ok', higher: 4 });
    expect(report.verbosity?.find((v) => v.metric === 'judge.clarity')).toMatchObject({ raised: 0, pairs: 4 });

    expect(report.agreement?.cases).toBe(cases);
    const correctness = report.agreement?.criteria.find((c) => c.criterion === 'correctness');
    expect(correctness?.n).toBe(cases);
    expect(correctness?.confusion.flat().reduce((a, b) => a + b, 0)).toBe(cases);
    expect(correctness?.kappa).not.toBeNull();
    // testability is constant (4) in this fake: rank correlation is undefined.
    expect(report.agreement?.criteria.find((c) => c.criterion === 'testability')?.spearman).toBeNull();

    expect(report.repeatability?.map((r) => [r.criterion, r.meanSd, r.identical])).toEqual(
      loadRubric().criteria.map((c) => [c.id, 0, 1]),
    );
    expect(renderCalibration(report)).toContain('Agreement with expert labels');
  }, 60_000);

  it('probes position bias with pairwise judging in both orders', async () => {
    fake.respond((request) => {
      const tool = request.body?.toolConfig?.tools?.[0]?.toolSpec?.name;
      const content = (request.body?.messages?.[0]?.content?.[0] as { text?: string } | undefined)?.text ?? '';
      if (tool !== 'record_preferences') return reply.tool(heuristicJudge(content));
      // A maximally position-biased judge: always prefers the control shown first.
      const criteria = Object.fromEntries(loadRubric().criteria.map((c) => [c.id, { winner: 'A', reason: 'first' }]));
      return reply.tool({ criteria, rationale: 'A looks better' });
    });
    const provider = createBedrockProvider({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      region: 'us-east-1',
      endpoint: fake.url,
      credentials: FAKE_CREDENTIALS,
      maxAttempts: 1,
    });
    const report = await calibrate({
      items: items.slice(0, 2),
      judge: { provider, rubric: loadRubric(), position: true },
    });
    const real = CORRUPTIONS.filter((c) => c.expect === 'gold-higher').reduce((n, c) => n + applicable(c, 2), 0);
    expect(report.position?.map((p) => [p.criterion, p.pairs, p.consistent, p.goldPreferred, p.firstShown])).toEqual(
      loadRubric().criteria.map((c) => [c.id, real, 0, 0, 1]),
    );
    expect(renderCalibration(report)).toContain('Position probe');
    fake.reset();
  }, 60_000);

  it('rejects a calibration case whose item is not in the dataset, naming file and field', async () => {
    const [set] = loadCalibrationSets();
    if (!set) throw new Error('no shipped calibration set');
    const broken = { ...set, cases: [{ ...(set.cases[0] as (typeof set.cases)[number]), item: 'no-such-item' }] };
    const provider = { id: 'unused', call: () => Promise.reject(new Error('not called')) };
    const error = await calibrate({
      items: items.slice(0, 1),
      calibration: [broken],
      judge: { provider, rubric: loadRubric() },
    }).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain(
      `${set.file}: cases[${set.cases[0]?.id}].item: unknown item "no-such-item"`,
    );
  });
});
