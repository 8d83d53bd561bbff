/** Every bad-input fixture through the real CLI: a clear `file:line` error and exit code 2. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as run } from '../support/cli.js';

const bad = (name: string) => join('test', 'fixtures', 'dataset', 'bad', name);

describe('dataset validate on bad input', () => {
  it.each([
    ['unbalanced-quotes', 'controls.csv:2: unbalanced quotes'],
    ['unclosed-quote', 'controls.csv:3: unbalanced quotes'],
    ['wrong-column-count', 'controls.csv:3: 11 fields, the header has 10'],
    ['duplicate-id', 'controls.csv:4: id: duplicate id "sagemaker-notebook-no-direct-internet"'],
    ['escaping-path', 'controls.csv:3: gold: "../../etc/passwd" escapes the dataset folder'],
    ['missing-file', 'controls.csv:3: gold: "cloudtrail-multi-region.feature" not found'],
    ['unparsable-gherkin', 'cloudtrail-multi-region.feature:12: does not parse as Gherkin: inconsistent cell count'],
    ['bad-cells', 'controls.csv:3: category: must be one of encryption-at-rest'],
  ])('%s: names file and line, exit 2', async (name, expected) => {
    const { code, stdout, stderr } = await run(['dataset', 'validate', bad(name)]);
    expect(code).toBe(2);
    expect(stdout).toContain(`${bad(name)}/${expected}`);
    expect(stdout).toMatch(/INVALID: (1 item|\d+ items), [1-9]\d* errors?,/);
    expect(stdout).not.toMatch(/\b1 (item|error|warning)s\b/);
    expect(stderr).toMatch(/^gherkin-bench: dataset .* has [1-9]\d* errors?; see the list above/);
  });

  it('counts one error as "1 error", not "1 errors"', async () => {
    const { stdout, stderr } = await run(['dataset', 'validate', bad('duplicate-id')]);
    expect(stdout).toMatch(/INVALID: 2 items, 1 error, \d+ warnings?\b/);
    expect(stdout).not.toMatch(/\b1 errors\b/);
    expect(stderr).toMatch(/has 1 error; see the list above/);
  });

  it.each(['bom', 'crlf'])('%s: loads and validates clean, exit 0', async (name) => {
    const { code, stdout, stderr } = await run(['dataset', 'validate', bad(name)]);
    expect(stderr).toBe('');
    expect(stdout).toContain('valid: 2 items, 0 errors');
    expect(code).toBe(0);
  });

  it('escapes control characters that a hostile cell carries (no terminal escapes reach the screen)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gb-escape-'));
    await writeFile(
      join(dir, 'controls.csv'),
      'id,control_id,service,resource_type,category,severity,requirement,methods,gold,split\nevil\u001b[2Jred,,s3,AWS::S3::Bucket,logging,low,r,s3.list_buckets,x.feature,eval\n',
    );
    const { code, stdout } = await run(['dataset', 'validate', dir]);
    expect(code).toBe(2);
    expect(stdout).not.toContain('\u001b');
    expect(stdout).toContain(
      'controls.csv:2: id: must be kebab-case, e.g. s3-bucket-encryption (got "evil\\u001b[2Jred")',
    );
  });

  it('--json prints the report with every problem located', async () => {
    const { code, stdout } = await run(['dataset', 'validate', bad('duplicate-id'), '--json']);
    expect(code).toBe(2);
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ line: 4, field: 'id', check: 'unique-id', severity: 'error' });
  });
});

describe('dataset stats on bad input', () => {
  it.each([
    ['unbalanced-quotes', 'controls.csv:2: unbalanced quotes'],
    ['escaping-path', 'controls.csv:3: gold: "../../etc/passwd" escapes the dataset folder'],
    ['unparsable-gherkin', 'cloudtrail-multi-region.feature:12: does not parse as Gherkin'],
  ])('%s: one-line error on stderr, exit 2', async (name, expected) => {
    const { code, stdout, stderr } = await run(['dataset', 'stats', bad(name)]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`gherkin-bench: ${bad(name)}/${expected}`);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names a folder that is not a dataset', async () => {
    const { code, stderr } = await run(['dataset', 'stats', 'test/fixtures/dataset/no-such-folder']);
    expect(code).toBe(2);
    expect(stderr).toContain('no-such-folder: not a dataset folder');
  });
});
