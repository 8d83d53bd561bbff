import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderResult } from '../../src/cli/commands/run.js';
import { cli } from '../support/cli.js';
import { useTempDirs } from './temp-dirs.js';

const newTempDir = useTempDirs('gb-cli-');

describe('gherkin-bench run and runs', () => {
  it('runs an experiment file with flags over it, prints the folder and a per-variant table, and lists it', async () => {
    const dir = await newTempDir();
    const out = join(dir, 'runs');
    await writeFile(
      join(dir, 'exp.yaml'),
      ['name: cli-test', 'variants: [none, rag]', 'repeats: 2', 'cache: { mode: off }', 'dataset: { limit: 3 }'].join(
        '\n',
      ),
    );
    const run = await cli([
      'run',
      join(dir, 'exp.yaml'),
      '--repeats',
      '1',
      '--limit',
      '2',
      '--out',
      out,
      '--run-id',
      'first',
    ]);
    expect(run.stderr).toMatch(/run first: 4 cases/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${join(out, 'first')}/ (manifest.json, results.jsonl)`);
    expect(run.stdout).toMatch(/Cases: 4 ok, 0 failed of 4/);
    expect(run.stdout).toMatch(/^variant\s+parse\s+structure\s+grounding\s+failed$/m);
    expect(run.stdout).toMatch(/^none\s+\d+%\s+\d+%\s+\d+%\s+0$/m);
    expect(run.stdout).toMatch(/^rag\s+\d+%\s+\d+%\s+\d+%\s+0$/m);
    const manifest = JSON.parse(await readFile(join(out, 'first', 'manifest.json'), 'utf8'));
    expect(manifest.config.cache.mode).toBe('off');
    expect(manifest.config.repeats).toBe(1);
    expect(manifest.source).toBe(join(dir, 'exp.yaml'));

    const again = await cli(['run', join(dir, 'exp.yaml'), '--out', out, '--run-id', 'first']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--resume');

    const resumed = await cli(['run', '--resume', join(out, 'first'), '--json']);
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout).counts).toMatchObject({ planned: 4, fromStore: 4, ran: 0 });

    const runs = await cli(['runs', '--out', out]);
    expect(runs.code).toBe(0);
    expect(runs.stdout).toMatch(/^run\s+started \(UTC\)\s+status\s+ok\s+failed\s+variants\s+models$/m);
    expect(runs.stdout).toMatch(
      /^first\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+complete\s+4\/4\s+0\s+none, rag\s+offline:reference$/m,
    );
    const json = JSON.parse((await cli(['runs', '--out', out, '--json'])).stdout);
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ id: 'first', ok: 4, failed: 0, status: 'complete' });
  });

  it('exits 2 with the file, line and field of a bad experiment', async () => {
    const dir = await newTempDir();
    await writeFile(join(dir, 'bad.yaml'), 'variants:\n  - name: x\n    rag: { topK: "5" }\n');
    const result = await cli(['run', join(dir, 'bad.yaml'), '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `gherkin-bench: ${join(dir, 'bad.yaml')}:3: variants[0].rag.topK: expected number, got string\n`,
    );
    const flag = await cli(['run', '--repeats', '0', '--out', dir]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--repeats: /);
  });

  it('says so when there are no runs yet', async () => {
    const dir = await newTempDir();
    const result = await cli(['runs', '--out', dir]);
    expect(result.stdout).toMatch(/No runs in .* yet; start one with: gherkin-bench run/);
  });
});

describe('the run summary table', () => {
  it('adds judge.overall as a column when the run had a judge, aligned with its header', () => {
    const text = renderResult(
      {
        counts: {
          runId: 'r',
          runDir: '/x/r',
          planned: 2,
          ok: 1,
          failed: 1,
          fromStore: 0,
          ran: 2,
          remaining: 0,
          interrupted: false,
        },
        means: [
          {
            variant: 'none',
            model: 'm',
            cases: 2,
            failed: 1,
            means: { parse: 1, structure: 0.5, grounding: null, 'judge.overall': 0.75 },
          },
        ],
        metrics: ['parse', 'structure', 'grounding', 'judge.overall'],
        failures: [],
        reports: [],
        reportError: null,
      },
      'reports/r',
    );
    const [header, row] = text.split('\n').slice(3);
    expect(header).toBe('variant      parse structure grounding judge.overall  failed');
    expect(row).toBe('none          100%       50%         –           75%       1');
  });
});
