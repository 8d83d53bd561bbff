/**
 * `gherkin-bench run --batch` through the CLI: refusals are one line and exit 2; a whole run goes
 * through the real SDK clients (default credential chain) against s3rver, the control-plane
 * stand-in and the fake Bedrock Runtime, and prints its batch progress.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { readRun } from '../../src/run/store.js';
import { GENERATOR } from '../scoring/judged-run.js';
import { batchPathReply } from '../support/batch-replies.js';
import { cli } from '../support/cli.js';
import { type FakeBedrock, startFakeBedrock } from '../support/fake-bedrock.js';
import { type FakeBedrockBatch, startFakeBedrockBatch } from '../support/fake-bedrock-batch.js';
import { LOCAL_S3_CREDENTIALS, type LocalS3, startLocalS3 } from '../support/local-s3.js';
import { useTempDirs } from './temp-dirs.js';

const newTempDir = useTempDirs('gb-batch-cli-');
let s3: LocalS3;
let runtime: FakeBedrock;
let plane: FakeBedrockBatch;

beforeAll(async () => {
  s3 = await startLocalS3();
  runtime = await startFakeBedrock();
  runtime.respond(batchPathReply);
  plane = await startFakeBedrockBatch({ s3Endpoint: s3.url, runtimeEndpoint: runtime.url });
});
afterAll(async () => {
  await plane?.close();
  await runtime?.close();
  await s3?.close();
});

async function experimentFile(fields: Record<string, unknown>): Promise<{ dir: string; file: string }> {
  const dir = await newTempDir();
  const file = join(dir, 'experiment.yaml');
  await writeFile(file, stringify({ out: join(dir, 'runs'), cache: { dir: join(dir, 'calls') }, ...fields }));
  return { dir, file };
}

describe('gherkin-bench run --batch', () => {
  it('refuses an experiment without a batch: block, in one line, exit 2, nothing written', async () => {
    const { dir, file } = await experimentFile({ models: [GENERATOR], dataset: { limit: 1 }, variants: ['none'] });
    const { code, stdout, stderr } = await cli(['run', file, '--batch', '--no-preflight']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^gherkin-bench: run --batch: the experiment has no batch: block; add batch: \{ s3Uri: /),
    ]);
    expect(existsSync(join(dir, 'runs'))).toBe(false);
  });

  it('refuses the offline generator, and names a malformed batch field with its file and line', async () => {
    const batch = { s3Uri: 's3://bucket/x/', roleArn: 'arn:aws:iam::111122223333:role/r' };
    const offline = await experimentFile({ dataset: { limit: 1 }, batch });
    const refused = await cli(['run', offline.file, '--batch']);
    expect([refused.code, refused.stderr.trimEnd()]).toEqual([
      2,
      'gherkin-bench: run --batch: model "offline:reference" is the offline generator, which makes no model calls; run it without --batch',
    ]);
    const bad = await experimentFile({
      models: [GENERATOR],
      batch: { s3Uri: 'https://bucket/x', roleArn: batch.roleArn },
    });
    const named = await cli(['run', bad.file, '--batch']);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(
      new RegExp(
        `^gherkin-bench: ${bad.file}:\\d+: batch\\.s3Uri: .*an S3 folder such as s3://my-bucket/gherkin-bench/`,
      ),
    );
  });

  it('runs an experiment through batch jobs with the default credential chain and prints the rounds', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', LOCAL_S3_CREDENTIALS.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', LOCAL_S3_CREDENTIALS.secretAccessKey);
    try {
      const { dir, file } = await experimentFile({
        models: [GENERATOR],
        variants: ['none', 'cot'],
        dataset: { limit: 2 },
        batch: {
          s3Uri: `s3://${s3.bucket}/cli/`,
          roleArn: 'arn:aws:iam::111122223333:role/batch',
          minRecords: 1,
          pollSeconds: 0.01,
        },
      });
      const env = {
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL_BEDROCK_RUNTIME: runtime.url,
        AWS_ENDPOINT_URL_S3: s3.url,
        AWS_ENDPOINT_URL_BEDROCK: plane.url,
      };
      const { code, stdout, stderr } = await cli(['run', file, '--batch', '--no-preflight', '--json'], env);
      expect(stderr).toMatch(/gherkin-bench: batch: round 1: 0 cases stored, 4 wait for 4 model calls/);
      expect(stderr).toMatch(/gherkin-bench: batch: job gb-analysis-[0-9a-f]{20} Completed: 2\/2 replies cached/);
      expect(code).toBe(0);
      const { runDir } = JSON.parse(stdout) as { runDir: string };
      expect(runDir.startsWith(join(dir, 'runs'))).toBe(true);
      const run = await readRun(runDir);
      expect(run.records.map((r) => r.error ?? null)).toEqual([null, null, null, null]);
      expect((run.manifest.config as { batch?: { minRecords?: number } }).batch?.minRecords).toBe(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
