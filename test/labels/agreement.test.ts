import { describe, expect, it } from 'vitest';
import { krippendorffAlpha, weightedKappa } from '../../src/analysis/agreement.js';
import { labelAgreement } from '../../src/labels/agreement.js';
import { pooledRating, tabulateLabels } from '../../src/labels/ratings.js';
import { runLabelAgreement, storedJudgeScores } from '../../src/labels/run-labels.js';
import { readLabelFile } from '../../src/labels/store.js';
import { readRun } from '../../src/run/store.js';
import { CRITERIA, labelledRun, noisy, truth, writeLabels } from './fixtures.js';

describe('label tables and agreement', () => {
  it('tabulates the latest label per annotator, unsure as missing, and pools by rounded mean', async () => {
    const { dir, runId, keys } = labelledRun(3, null);
    const a = await writeLabels(dir, runId, 'alice', keys.slice(0, 4), (k, c) =>
      c === 'clarity' ? 'unsure' : truth(k, c),
    );
    const b = await writeLabels(dir, runId, 'bob', keys.slice(2, 6), truth);
    const table = tabulateLabels([await readLabelFile(a), await readLabelFile(b)]);
    expect(table.annotators).toEqual(['alice', 'bob']);
    expect(table.cases).toHaveLength(6);
    expect(table.unsure.get('clarity')).toBe(4);
    const clarity = table.ratings.get('clarity') ?? [];
    expect(clarity.every((row) => row[0] === null)).toBe(true);
    expect(pooledRating([2, 3])).toBe(3);
    expect(pooledRating([null, 4])).toBe(4);
    expect(pooledRating([null, null])).toBeNull();
  });

  it('refuses labels of two runs, or one annotator in two files', async () => {
    const one = labelledRun(2, null);
    const fa = await writeLabels(one.dir, 'run-a', 'alice', one.keys.slice(0, 1), truth);
    const fb = await writeLabels(one.dir, 'run-b', 'bob', one.keys.slice(0, 1), truth);
    expect(() => tabulateLabels([])).toThrow(/no label files/);
    const files = [await readLabelFile(fa), await readLabelFile(fb)];
    expect(() => tabulateLabels(files)).toThrow(/bob\.jsonl: run: labels of run "run-b" mixed with run "run-a"/);
    expect(() => tabulateLabels([files[0]!, { ...files[0]!, file: 'copy.jsonl' }])).toThrow(
      /copy\.jsonl: annotator: annotator "alice" also labelled/,
    );
  });

  it("computes the people's alpha and kappa from the table, and the judge against the pooled label", async () => {
    const { dir, runId, keys } = labelledRun(5, noisy(0.2, 'judge'));
    await writeLabels(dir, runId, 'alice', keys, truth);
    await writeLabels(dir, runId, 'bob', keys, noisy(0.3, 'bob'));
    const run = await readRun(dir);
    const agreement = await runLabelAgreement(run, { resamples: 300 });
    if (!agreement?.judge) throw new Error('expected judge agreement');
    const table = tabulateLabels(
      await Promise.all([`${dir}/labels/alice.jsonl`, `${dir}/labels/bob.jsonl`].map((f) => readLabelFile(f))),
    );
    const correctness = table.ratings.get('correctness') ?? [];
    const people = agreement.people.find((p) => p.criterion === 'correctness');
    expect(people?.alpha.value).toBeCloseTo(krippendorffAlpha(correctness) as number, 12);
    expect(people?.kappa.value).toBeCloseTo(
      weightedKappa(
        correctness.map((r) => r[0] as number),
        correctness.map((r) => r[1] as number),
      ) as number,
      12,
    );
    expect(people?.alpha.ci?.low).toBeLessThanOrEqual(people?.alpha.value as number);
    const judge = storedJudgeScores(run.records);
    const j = agreement.judge.find((x) => x.criterion === 'correctness');
    const pooled = correctness.map((row) => pooledRating(row) as number);
    const judged = table.cases.map((key) => judge.get(key)?.correctness as number);
    expect(j?.pooled.value).toBeCloseTo(weightedKappa(pooled, judged) as number, 12);
    expect(j?.annotators.map((a) => a.annotator)).toEqual(['alice', 'bob']);
    expect(j?.cases).toBe(keys.length);
  });

  it('says the judge is below people when it disagrees with them, and not when it labels like them', async () => {
    const verdicts = async (judge: (k: string, c: string) => number): Promise<string[]> => {
      const { dir, runId, keys } = labelledRun(8, judge);
      await writeLabels(dir, runId, 'alice', keys, noisy(0.25, 'alice'));
      await writeLabels(dir, runId, 'bob', keys, noisy(0.25, 'bob'));
      const agreement = await runLabelAgreement(await readRun(dir), { resamples: 400 });
      return agreement?.judge?.map((j) => j.verdict) ?? [];
    };
    expect(await verdicts((k, c) => 6 - truth(k, c))).toEqual(CRITERIA.map(() => 'below'));
    const alike = await verdicts(noisy(0.25, 'judge'));
    expect(alike).toHaveLength(CRITERIA.length);
    expect(alike).not.toContain('below');
    expect(alike).not.toContain('not-enough-labels');
  });

  it('cannot judge the judge against people with one annotator, and has no judge section without judge scores', async () => {
    const { dir, runId, keys } = labelledRun(3, truth);
    await writeLabels(dir, runId, 'alice', keys, truth);
    const agreement = await runLabelAgreement(await readRun(dir), { resamples: 100 });
    expect(agreement?.judge?.[0]?.verdict).toBe('not-enough-labels');
    expect(agreement?.judge?.[0]?.pooled.value).toBe(1);
    expect(agreement?.people[0]?.alpha.value).toBeNull();
    const bare = labelledRun(2, null);
    expect(await runLabelAgreement(await readRun(bare.dir))).toBeNull();
    await writeLabels(bare.dir, bare.runId, 'alice', bare.keys, truth);
    const table = tabulateLabels([await readLabelFile(`${bare.dir}/labels/alice.jsonl`)]);
    expect(labelAgreement(table, null).judge).toBeNull();
  });
});
