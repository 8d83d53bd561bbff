import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { syntheticRun, writeRunDir } from '../support/synthetic-run.js';

const root = mkdtempSync(join(tmpdir(), 'gb-cli-'));
const before = writeRunDir(
  join(root, 'before'),
  syntheticRun({ items: 30, seed: 2, noiseSeed: 1, effects: { rag: 0.2 } }),
);
const after = writeRunDir(join(root, 'after'), syntheticRun({ items: 30, seed: 2, noiseSeed: 2, effects: { rag: 0 } }));

describe('report, baseline, gate and compare commands', () => {
  it('report rebuilds every file of a stored run', async () => {
    const out = await cli(['report', before]);
    expect(out.code).toBe(0);
    for (const f of ['summary.json', 'summary.md', 'results.csv', 'index.html'])
      expect(existsSync(join(before, f))).toBe(true);
    expect(out.stdout).toMatch(/240 cases/);
  });

  it('gate passes a run against its own baseline and fails a regressed one (exit 1) with JUnit and Markdown', async () => {
    const baseline = join(root, 'baseline.json');
    expect((await cli(['baseline', 'save', before, '--out', baseline])).code).toBe(0);
    expect(JSON.parse(readFileSync(baseline, 'utf8')).schema).toBe('gherkin-bench/baseline@1');
    const rules = join(root, 'gate.yaml');
    writeFileSync(rules, 'rules:\n  - metric: structure\n    noSignificantRegression: { margin: 0.02 }\n');

    const same = await cli(['gate', '--baseline', baseline, '--run', before, '--rules', rules]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/gate: PASS/);

    expect((await cli(['report', after])).code).toBe(0);
    const junit = join(root, 'junit.xml');
    const md = join(root, 'gate.md');
    const summaryFile = join(root, 'step-summary.md');
    writeFileSync(summaryFile, '');
    const worse = await cli(
      ['gate', '--baseline', baseline, '--run', after, '--rules', rules, '--junit', junit, '--markdown', md],
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_STEP_SUMMARY: summaryFile,
      },
    );
    expect(worse.code).toBe(1);
    expect(worse.stdout).toMatch(/gate: FAIL/);
    expect(worse.stdout).toMatch(/^::error title=/m);
    expect(readFileSync(junit, 'utf8')).toMatch(/<failure message="significant regression/);
    expect(readFileSync(md, 'utf8')).toMatch(/❌/);
    expect(readFileSync(summaryFile, 'utf8')).toMatch(/gherkin-bench gate/);

    // --json on GitHub Actions: stdout is pure JSON, annotations go to stderr; an unwritable job
    // summary is a warning, not a crash.
    const json = await cli(['gate', '--baseline', baseline, '--run', after, '--rules', rules, '--json'], {
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: join(root, 'no-such-folder', 'summary.md'),
    });
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as { passed: boolean }).passed).toBe(false);
    expect(json.stderr).toMatch(/^::error title=/m);
    expect(json.stderr).toMatch(/^warning: cannot append to GITHUB_STEP_SUMMARY /m);
  });

  it('gate refuses bad input with exit 2 and one line', async () => {
    const missing = await cli(['gate', '--baseline', join(root, 'nope.json'), '--run', before]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const corrupt = join(root, 'corrupt.json');
    writeFileSync(corrupt, '{"schema": "gherkin-bench/baseline@1", ');
    expect((await cli(['gate', '--baseline', corrupt, '--run', before])).stderr).toMatch(
      /corrupt\.json: not valid JSON/,
    );
    const rules = join(root, 'bad-rules.yaml');
    writeFileSync(rules, 'rules:\n  - metric: parse_rate\n    min: 0.9\n');
    const baseline = join(root, 'baseline.json');
    const unknown = await cli(['gate', '--baseline', baseline, '--run', before, '--rules', rules]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/bad-rules\.yaml: rules\.0\.metric: unknown metric/);
    const noSummary = writeRunDir(join(root, 'no-summary'), syntheticRun({ items: 5, seed: 2 }));
    const summaryless = await cli(['gate', '--baseline', baseline, '--run', noSummary]);
    expect(summaryless.code).toBe(2);
    expect(summaryless.stderr).toMatch(/summary\.json: the run has no readable summary/);
  });

  it('compare prints paired differences of two runs', async () => {
    const out = await cli(['compare', before, after, '--json']);
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout);
    const rag = result.comparisons.find(
      (c: { metric: string; variant: string }) => c.metric === 'structure' && c.variant === 'rag',
    );
    expect(rag.meanDiff).toBeLessThan(-0.1);
    expect(rag.significant).toBe(true);
    expect((await cli(['compare', before, after, '--markdown'])).stdout).toMatch(/### gherkin-bench compare/);
  });
});
