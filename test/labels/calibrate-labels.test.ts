import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrateAgainstLabels } from '../../src/scoring/calibration/human-labels.js';
import { loadRubric } from '../../src/scoring/judge/rubric.js';
import { cli } from '../support/cli.js';
import { FAKE_MODEL_ID, type FakeBedrock, fakeBedrockProvider, reply } from '../support/fake-bedrock.js';
import { useFakeBedrock } from '../support/use-fake-bedrock.js';
import { CRITERIA, labelledRun, noisy, truth, writeLabels } from './fixtures.js';

let fake: FakeBedrock;
useFakeBedrock((f) => {
  fake = f;
});

describe('gherkin-bench judge calibrate --labels', () => {
  it("compares the run's stored judge scores with people, as JSON and as text", async () => {
    const { dir, runId, keys } = labelledRun(4, noisy(0.2, 'judge'));
    const a = await writeLabels(dir, runId, 'alice', keys, truth);
    const b = await writeLabels(dir, runId, 'bob', keys, noisy(0.2, 'bob'));
    const json = await cli(['judge', 'calibrate', '--labels', a, b, '--json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({
      schema: 'gherkin-bench/label-agreement@1',
      run: runId,
      annotators: ['alice', 'bob'],
      cases: keys.length,
      judgeSource: { kind: 'stored', model: 'bedrock:judge', rubric: 'default' },
    });
    expect(report.people).toHaveLength(CRITERIA.length);
    expect(report.judge[0].annotators).toHaveLength(2);
    const text = await cli(['judge', 'calibrate', '--labels', a, b]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Agreement between people:');
    expect(text.stdout).toContain('The judge against people (scores stored by the run: bedrock:judge');
    expect(text.stdout).toMatch(/correctness\s+\d+\s+\d\.\d\d \[/);
  });

  it('says when the run has no judge scores, and refuses labels of another run (exit 2)', async () => {
    const bare = labelledRun(2, null);
    const file = await writeLabels(bare.dir, bare.runId, 'alice', bare.keys, truth);
    const none = await cli(['judge', 'calibrate', '--labels', file]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('note: judge: the run has no judge scores');
    expect(none.stdout).toContain('note: people: one annotator only');
    const other = labelledRun(2, null);
    const foreign = await writeLabels(other.dir, 'some-other-run', 'bob', other.keys, truth);
    const refused = await cli(['judge', 'calibrate', '--labels', foreign]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/bob\.jsonl: run: labels of run "some-other-run", but .* is run "labelled-run"/);
    const loose = await cli(['judge', 'calibrate', '--labels', join(bare.dir, 'results.jsonl')]);
    expect(loose.code).toBe(2);
    expect(loose.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('judges the labelled candidates afresh with a judge model (fake Bedrock, real SDK)', async () => {
    const { dir, runId, keys } = labelledRun(2, null);
    const a = await writeLabels(dir, runId, 'alice', keys, () => 4);
    const b = await writeLabels(dir, runId, 'bob', keys, (k, c) => truth(k, c));
    fake.respond(() =>
      reply.tool({
        criteria: Object.fromEntries(CRITERIA.map((c) => [c, { score: 4, reason: 'fixed' }])),
        rationale: 'fake judge that always gives 4',
      }),
    );
    const provider = fakeBedrockProvider(fake, FAKE_MODEL_ID, { maxAttempts: 1 });
    const report = await calibrateAgainstLabels({
      files: [a, b],
      judge: { provider, rubric: loadRubric() },
      resamples: 200,
    });
    expect(fake.calls).toBe(keys.length);
    expect(report.judgeSource).toMatchObject({ kind: 'model', rubric: 'default', failures: [] });
    const correctness = report.judge?.find((j) => j.criterion === 'correctness');
    expect(correctness?.cases).toBe(keys.length);
    // The judge gives 4 like alice does: no spread on either side, so kappa is undefined.
    expect(correctness?.annotators.find((x) => x.annotator === 'alice')?.kappa).toBeNull();
  });
});

describe('gherkin-bench label', () => {
  it('refuses a non-loopback --host and a bad --annotator with exit 2 and one line', async () => {
    const { dir } = labelledRun(2, null);
    const host = await cli(['label', dir, '--host', '0.0.0.0', '--annotator', 'alice']);
    expect(host.code).toBe(2);
    expect(host.stderr).toMatch(/--host: 0\.0\.0\.0 is not a loopback address/);
    const name = await cli(['label', dir, '--annotator', '../x']);
    expect(name.code).toBe(2);
    expect(name.stderr).toMatch(/--annotator: /);
    const missing = await cli(['label', join(dir, 'nope'), '--annotator', 'alice']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/not a run folder/);
  });
});
