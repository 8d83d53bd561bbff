import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRules } from '../../src/gate/rules.js';
import { cli } from '../support/cli.js';
import { labelledRun, noisy, truth, writeLabels } from './fixtures.js';

/** A labelled run with its reports and its own baseline; the judge labels with `judge`. */
async function gatedRun(judge: (k: string, c: string) => number): Promise<{ dir: string; baseline: string }> {
  const { dir, runId, keys } = labelledRun(6, judge);
  await writeLabels(dir, runId, 'alice', keys, noisy(0.2, 'alice'));
  await writeLabels(dir, runId, 'bob', keys, noisy(0.2, 'bob'));
  expect((await cli(['report', dir])).code).toBe(0);
  const baseline = join(dir, 'baseline.json');
  expect((await cli(['baseline', 'save', dir, '--out', baseline])).code).toBe(0);
  return { dir, baseline };
}

const RULES = `rules:
  - metric: structure
    maxDrop: 1
labels:
  - criterion: "*"
    minKappa: 0.6
    notBelowPeople: true
`;

describe('gate rule on the judge against the labels', () => {
  it('passes a judge that agrees with people and fails one that does not (exit 1)', async () => {
    const good = await gatedRun(noisy(0.2, 'judge'));
    const rules = join(good.dir, 'gate.yaml');
    writeFileSync(rules, RULES);
    const pass = await cli(['gate', '--baseline', good.baseline, '--run', good.dir, '--rules', rules]);
    expect(pass.stdout).toContain('judge vs labels: correctness kappa ≥ 0.6');
    expect(pass.stdout).toContain('judge vs labels: clarity not below people');
    expect(pass.code).toBe(0);

    const bad = await gatedRun((k, c) => 6 - truth(k, c));
    const fail = await cli(['gate', '--baseline', bad.baseline, '--run', bad.dir, '--rules', rules, '--json']);
    expect(fail.code).toBe(1);
    const result = JSON.parse(fail.stdout) as { checks: { name: string; kind: string; verdict: string }[] };
    const labelChecks = result.checks.filter((c) => c.kind === 'judgeAgreement');
    expect(labelChecks).toHaveLength(10);
    expect(labelChecks.every((c) => c.verdict === 'fail')).toBe(true);
  });

  it('fails a labels rule on a run without labels unless optional, and checks the rule up front', async () => {
    const { dir } = labelledRun(3, truth);
    expect((await cli(['report', dir])).code).toBe(0);
    const baseline = join(dir, 'baseline.json');
    await cli(['baseline', 'save', dir, '--out', baseline]);
    const rules = join(dir, 'gate.yaml');
    writeFileSync(rules, RULES);
    const missing = await cli(['gate', '--baseline', baseline, '--run', dir, '--rules', rules]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('judge vs labels: *');
    writeFileSync(rules, `${RULES}    optional: true\n`);
    expect((await cli(['gate', '--baseline', baseline, '--run', dir, '--rules', rules])).code).toBe(0);
    expect(() =>
      parseRules({ rules: [{ metric: 'parse', min: 0.5 }], labels: [{ criterion: 'clarity' }] }, 'g.yaml'),
    ).toThrow(/g\.yaml: labels\.0: a labels rule needs minKappa or notBelowPeople/);
  });
});
