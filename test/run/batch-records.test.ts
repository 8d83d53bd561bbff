/**
 * The two ends of a batch record: the Converse body a record carries (no toolConfig: structured
 * output asked in words), and reading a job's output back from a real S3-protocol server (s3rver)
 * through the real S3 client — shuffled, repeated and unknown lines, error lines, missing records,
 * and jobs that ended without output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBatchable, toBatchModelInput } from '../../src/generation/providers/bedrock.js';
import { openCallCache } from '../../src/generation/providers/cache.js';
import type { ModelRequest } from '../../src/generation/providers/types.js';
import { type BatchAws, createBatchAws } from '../../src/run/batch/aws.js';
import { ingestJob } from '../../src/run/batch/ingest.js';
import type { BatchJob, RecordRequest } from '../../src/run/batch/jobs.js';
import { FAKE_MODEL_ID } from '../support/fake-bedrock.js';
import { LOCAL_S3_CREDENTIALS, type LocalS3, startLocalS3 } from '../support/local-s3.js';
import { useTempDirs } from './temp-dirs.js';

const newTempDir = useTempDirs('gb-batch-records-');
let s3: LocalS3;
let aws: BatchAws;
beforeAll(async () => {
  s3 = await startLocalS3();
  aws = createBatchAws({ region: 'us-east-1', s3Endpoint: s3.url, credentials: LOCAL_S3_CREDENTIALS });
});
afterAll(async () => {
  await s3?.close();
});

const structured: ModelRequest = {
  system: 'You analyse controls.',
  messages: [{ role: 'user', content: 'Analyse this requirement.' }],
  params: { maxTokens: 500, temperature: 0 },
  jsonSchema: { name: 'analysis', schema: { type: 'object', properties: { service: { type: 'string' } } } },
};

describe('a batch record body', () => {
  it('is the Converse body without modelId or toolConfig, the JSON asked for in the system prompt', () => {
    const body = toBatchModelInput(FAKE_MODEL_ID, structured);
    expect(Object.keys(body).sort()).toEqual(['inferenceConfig', 'messages', 'system']);
    expect(body.system?.[0]?.text).toMatch(
      /^You analyse controls\.\n\nAnswer with only a JSON object .* for "analysis":\n\{/,
    );
    expect(body.inferenceConfig).toEqual({ maxTokens: 500, temperature: 0 });
    expect(isBatchable(structured)).toBe(true);
    expect(isBatchable({ ...structured, tools: [{ name: 'search_api', inputSchema: { type: 'object' } }] })).toBe(
      false,
    );
  });
});

function job(name: string, status: string): BatchJob {
  return {
    name,
    providerId: `bedrock:${FAKE_MODEL_ID}`,
    modelId: FAKE_MODEL_ID,
    step: 'analysis',
    token: name,
    records: 4,
    inputUri: `s3://${s3.bucket}/${name}/input/records.jsonl`,
    outputUri: `s3://${s3.bucket}/${name}/output/`,
    arn: `arn:aws:bedrock:us-east-1:111122223333:model-invocation-job/${name}`,
    status,
    ingested: false,
    failed: {},
  };
}

const requests = new Map<string, RecordRequest>(
  ['a', 'b', 'c', 'd'].map((id, repeat) => [
    `${id.repeat(64)}`,
    { recordId: id.repeat(64), key: id.repeat(64), repeat, request: structured },
  ]),
);
const converse = (text: string) => ({
  output: { message: { role: 'assistant', content: [{ text }] } },
  stopReason: 'end_turn',
  usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
});

describe('reading a job back', () => {
  it('joins shuffled lines on recordId, caches each reply once, and fails error lines and missing records', async () => {
    const done = job('partial', 'PartiallyCompleted');
    const lines = [
      { recordId: 'c'.repeat(64), modelInput: {}, error: { errorCode: 400, errorMessage: 'bad request' } },
      { recordId: 'a'.repeat(64), modelInput: {}, modelOutput: converse('{"service": "s3"}') },
      { recordId: 'z'.repeat(64), modelInput: {}, modelOutput: converse('{}') },
      { recordId: 'b'.repeat(64), modelInput: {}, modelOutput: converse('Here: {"service": "ec2"}') },
      { recordId: 'a'.repeat(64), modelInput: {}, modelOutput: converse('{"service": "iam"}') },
    ];
    await aws.putText(`${done.outputUri}job1/records.jsonl.out`, lines.map((l) => JSON.stringify(l)).join('\n'));
    await aws.putText(
      `${done.outputUri}job1/manifest.json.out`,
      JSON.stringify({ totalRecordCount: 4, processedRecordCount: 3 }),
    );
    const cache = openCallCache(await newTempDir());
    const found = await ingestJob(done, requests, aws, cache);
    expect(found).toMatchObject({ answered: 2, unknown: 1, duplicates: 1, manifest: { totalRecordCount: 4 } });
    expect(found.failed).toEqual({
      ['c'.repeat(64)]: 'batch record error: 400 bad request',
      ['d'.repeat(64)]: 'batch job partial (PartiallyCompleted) wrote no output for it',
    });
    const a = await cache.get('a'.repeat(64));
    expect(a?.response).toMatchObject({ json: { service: 's3' }, modelId: `batch:${FAKE_MODEL_ID}`, latencyMs: 0 });
    expect(a).toMatchObject({ providerId: `bedrock:${FAKE_MODEL_ID}`, repeat: 0 });
    expect((await cache.get('b'.repeat(64)))?.response.json).toEqual({ service: 'ec2' });
    expect(await cache.get('c'.repeat(64))).toBeUndefined();
  });

  it('fails every record of a job that ended Failed, Stopped or Expired, naming the status', async () => {
    for (const status of ['Failed', 'Stopped', 'Expired']) {
      const ended = { ...job(status.toLowerCase(), status), message: 'quota' };
      const found = await ingestJob(ended, requests, aws, openCallCache(await newTempDir()));
      expect(found.answered).toBe(0);
      expect(Object.values(found.failed)).toEqual(
        [...requests.keys()].map(() => `batch job ${ended.name} ended ${status} (quota)`),
      );
    }
  });
});

describe('an AWS failure', () => {
  it('is one line naming the call, the AWS error and what to check', async () => {
    await expect(aws.putText('s3://no-such-bucket/run/records.jsonl', '{}\n')).rejects.toThrow(
      /^run --batch: upload s3:\/\/no-such-bucket\/run\/records\.jsonl: NoSuchBucket: .*\(HTTP 404\); check batch\.s3Uri, batch\.roleArn and the AWS credentials and region, then continue with --resume <run-dir> --batch$/,
    );
  });
});
