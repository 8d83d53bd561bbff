/** The knowledge-base commands, run in-process: retrieve, api, ground, eval-retrieval. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gb-knowledge-cli-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const GOOD = `Feature: X
  Scenario: Notebook
    Given "sagemaker.describe_notebook_instance" returns "DirectInternetAccess" as "Enabled"
    Then the rule returns NON_COMPLIANT
`;

describe('retrieve', () => {
  it('prints hits as JSON, best first', async () => {
    const out = await cli([
      'retrieve',
      'notebooks must not reach the internet directly',
      '--service',
      'sagemaker',
      '-k',
      '3',
      '--json',
    ]);
    expect(out.code).toBe(0);
    const hits = JSON.parse(out.stdout) as { service: string; method: string; members: string[]; score: number }[];
    expect(hits).toHaveLength(3);
    expect(hits[0]).toMatchObject({ service: 'sagemaker', method: 'describe_notebook_instance' });
    expect(Object.keys(hits[0] ?? {}).sort()).toEqual(['members', 'method', 'operation', 'score', 'service']);
  });

  it('prints passages within a budget, and one line with suggestions for an unknown service', async () => {
    const out = await cli([
      'retrieve',
      'buckets encrypt by default',
      '--resource-type',
      'AWS::S3::Bucket',
      '--passages',
      '--budget',
      '200',
    ]);
    expect(out.stdout).toMatch(/^s3\.get_bucket_encryption\(Bucket\)/);
    expect(out.stdout.length).toBeLessThanOrEqual(200 * 4 + 1);
    const bad = await cli(['retrieve', 'x', '--service', 'sagemakr']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('gherkin-bench: unknown service "sagemakr" (did you mean sagemaker?)\n');
  });
});

describe('numeric flags', () => {
  it('rejects a --budget or --depth that is not a whole number ≥ 1 with one line (exit 2)', async () => {
    for (const budget of ['0', '-1', 'abc']) {
      const out = await cli(['retrieve', 'x', '--service', 's3', '--passages', '--budget', budget]);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(/^gherkin-bench: --budget: must be a whole number of tokens ≥ 1 \(got .*\)\n$/);
    }
    for (const depth of ['0', '-1', 'abc']) {
      const out = await cli(['api', 'sagemaker', 'describe_notebook_instance', '--depth', depth]);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(/^gherkin-bench: --depth: must be a whole number ≥ 1/);
    }
  });
});

describe('api', () => {
  it('lists operations and shows one member tree', async () => {
    const list = await cli(['api', 'sagemaker']);
    expect(list.stdout).toMatch(/describe_auto_ml_job_v2\s+DescribeAutoMLJobV2/);
    const one = await cli(['api', 'sagemaker', 'DescribeAutoMLJobV2', '--json']);
    const description = JSON.parse(one.stdout) as { method: string; output: { path: string }[] };
    expect(description.method).toBe('describe_auto_ml_job_v2');
    expect(description.output.map((m) => m.path)).toContain('SecurityConfig.VolumeKmsKeyId');
    const text = await cli(['api', 's3', 'get_bucket_encryption']);
    expect(text.stdout).toContain('SSEAlgorithm: string {AES256|aws:fsx|aws:kms|aws:kms:dsse} (required)');
  });

  it('names the closest operation on a typo (exit 2)', async () => {
    const out = await cli(['api', 'sagemaker', 'describe_automl_job_v2']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /^gherkin-bench: unknown operation "describe_automl_job_v2" in service "sagemaker" \(did you mean describe_auto_ml_job_v2/,
    );
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('ground', () => {
  it('exits 0 on a grounded file and 1 when a reference is unknown', async () => {
    const ok = await cli(['ground', file('ok.feature', GOOD)]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('3 references: 3 valid, 0 unknown, 0 misplaced; precision 1.000');
    const bad = await cli([
      'ground',
      file('bad.feature', GOOD.replace('DirectInternetAccess', 'DirectInternetAcess')),
      '--json',
    ]);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout) as { counts: { unknown: number }; references: { suggestions: string[] }[] };
    expect(report.counts.unknown).toBe(1);
    expect(report.references.flatMap((r) => r.suggestions)).toContain('DirectInternetAccess');
  });

  it('reads standard input for -', async () => {
    const out = await cli(['ground', '-', '--json'], {}, GOOD);
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as { precision: number }).precision).toBe(1);
  });

  it('rejects empty, binary and missing files with one line (exit 2)', async () => {
    const empty = await cli(['ground', file('empty.feature', '  \n')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/empty\.feature: is empty/);
    const binary = await cli(['ground', file('binary.feature', new Uint8Array([0x46, 0, 1, 2, 255]))]);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/binary\.feature: is a binary file/);
    const missing = await cli(['ground', join(dir, 'nope.feature')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('eval-retrieval', () => {
  it('prints {n, hit1, hit5, hit10, mrr} for a small set', async () => {
    const csv = file(
      'set.csv',
      'id,service,resource_type,requirement,methods\n' +
        'a,s3,AWS::S3::Bucket,Buckets must encrypt objects by default,s3.get_bucket_encryption\n' +
        'b,kms,AWS::KMS::Key,Keys must rotate automatically,kms.get_key_rotation_status\n',
    );
    const out = await cli(['eval-retrieval', '--dataset', csv, '--json']);
    expect(out.code).toBe(0);
    const scores = JSON.parse(out.stdout) as Record<string, number>;
    expect(Object.keys(scores).sort()).toEqual(['hit1', 'hit10', 'hit5', 'mrr', 'n']);
    expect(scores.n).toBe(2);
    expect(scores.hit5).toBe(1);
    const text = await cli(['eval-retrieval', '--dataset', csv]);
    expect(text.stdout).toMatch(/retrieval on 2 requirements \(service given\):\n {2}hit@1 [\d.]+ {2}hit@5 1 /);
  });
});
