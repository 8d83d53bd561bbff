/**
 * `run --batch` end to end with real parts: the real S3 and Bedrock SDK clients against a real
 * S3-protocol server (s3rver) and our stand-in for the Bedrock control plane, whose jobs answer
 * each record through the fake Bedrock Runtime — the replies the on-demand path gets.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { RunPlan } from '../../src/config/plan.js';
import { costOf, priceTable } from '../../src/generation/providers/pricing.js';
import type { Usage } from '../../src/generation/providers/types.js';
import { readJobs } from '../../src/run/batch/jobs.js';
import { type BatchRunOptions, prepareBatchRun } from '../../src/run/batch/run-batch.js';
import { createCaseRunner } from '../../src/run/case-runner.js';
import { runExperiment } from '../../src/run/engine.js';
import { planRun } from '../../src/run/execute.js';
import { readRun } from '../../src/run/store.js';
import type { CaseRecord } from '../../src/run/types.js';
import { GENERATOR, JUDGE } from '../scoring/judged-run.js';
import { batchPathReply } from '../support/batch-replies.js';
import { FAKE_CREDENTIALS, type FakeBedrock, reply, startFakeBedrock } from '../support/fake-bedrock.js';
import {
  type FakeBedrockBatch,
  type FakeBedrockBatchOptions,
  startFakeBedrockBatch,
} from '../support/fake-bedrock-batch.js';
import { LOCAL_S3_CREDENTIALS, type LocalS3, startLocalS3 } from '../support/local-s3.js';
import { useTempDirs } from './temp-dirs.js';

const newTempDir = useTempDirs('gb-batch-');
let s3: LocalS3;
let runtime: FakeBedrock;
const planes: FakeBedrockBatch[] = [];

beforeAll(async () => {
  s3 = await startLocalS3();
  runtime = await startFakeBedrock();
  runtime.respond(batchPathReply);
});
afterEach(() => {
  runtime.reset();
  runtime.respond(batchPathReply);
});
afterAll(async () => {
  await Promise.all(planes.map((plane) => plane.close()));
  await runtime?.close();
  await s3?.close();
});

async function controlPlane(options: Omit<FakeBedrockBatchOptions, 's3Endpoint' | 'runtimeEndpoint'> = {}) {
  const plane = await startFakeBedrockBatch({
    s3Endpoint: s3.url,
    runtimeEndpoint: runtime.url,
    shuffle: true,
    ...options,
  });
  planes.push(plane);
  return plane;
}

/** An experiment file in a fresh folder: 2 items × none/cot × the generator, judged, batch on. */
async function experiment(batch: Record<string, unknown> = {}): Promise<{ cwd: string; file: string }> {
  const cwd = await newTempDir();
  const file = join(cwd, 'experiment.yaml');
  await writeFile(
    file,
    stringify({
      models: [GENERATOR],
      variants: ['none', 'cot'],
      dataset: { limit: 2 },
      judge: { model: JUDGE },
      cache: { dir: join(cwd, 'calls') },
      batch: {
        s3Uri: `s3://${s3.bucket}/runs/`,
        roleArn: 'arn:aws:iam::111122223333:role/batch',
        minRecords: 1,
        pollSeconds: 0.01,
        ...batch,
      },
    }),
  );
  return { cwd, file };
}

function env(plane: FakeBedrockBatch) {
  return {
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: runtime.url,
    AWS_ENDPOINT_URL_S3: s3.url,
    AWS_ENDPOINT_URL_BEDROCK: plane.url,
  };
}

const providerOptions = { credentials: FAKE_CREDENTIALS, maxAttempts: 1 };

/** Plan (or resume) and run in batch mode; returns the plan, counts and the rounds' stats. */
async function batchRun(
  plane: FakeBedrockBatch,
  where: { cwd: string; file?: string; resume?: string },
  extra: Omit<BatchRunOptions, 'aws' | 'providerOptions'> = {},
) {
  const plan = await planRun({
    ...(where.file ? { file: where.file } : {}),
    flags: where.resume ? { resume: where.resume } : {},
    cwd: where.cwd,
    env: env(plane),
  });
  const prepared = await prepareBatchRun(plan, {
    ...extra,
    aws: { credentials: LOCAL_S3_CREDENTIALS },
    providerOptions,
  });
  const counts = await runExperiment(prepared.plan, {
    runner: prepared.runner,
    ...(extra.signal ? { signal: extra.signal } : {}),
  });
  return { plan: prepared.plan, counts, stats: prepared.stats };
}

/** What must match between the paths: case keys, candidates, scores (timings and costs aside). */
function comparable(records: readonly CaseRecord[]) {
  return [...records]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((r) => ({
      key: r.key,
      candidate: r.candidate,
      error: r.error,
      scores: r.scores.map((s) => ({ metric: s.metric, value: s.value })),
    }));
}

async function onDemandRun(cwd: string, file: string): Promise<RunPlan> {
  const plan = await planRun({
    file,
    flags: { cache: false },
    cwd,
    env: { AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_BEDROCK_RUNTIME: runtime.url },
  });
  await runExperiment(plan, { runner: await createCaseRunner(plan, { providerOptions }) });
  return plan;
}

describe('run --batch against s3rver and the stand-in control plane', () => {
  it('gives the on-demand results, at the batch price, and a rerun with --replay makes no call', async () => {
    const plane = await controlPlane();
    const { cwd, file } = await experiment();
    const onDemand = await onDemandRun(cwd, file);
    const before = runtime.calls;

    const batch = await batchRun(plane, { cwd, file });
    expect(batch.counts).toMatchObject({ planned: 4, ok: 4, failed: 0, remaining: 0 });
    // Round 1: CoT analysis + the plain variant's gherkin; round 2: the CoT gherkin + the judge of
    // the plain variant; round 3 defers nothing (both variants wrote the same candidate, so the CoT
    // case's judge call is the same call, already answered). One job per model and step: 4.
    expect(batch.stats).toMatchObject({ rounds: 3, submitted: 4, failedRecords: 0, onDemandCalls: 0 });
    expect(plane.jobs.map((job) => job.name.split('-')[1]).sort()).toEqual(['analysis', 'gherkin', 'judge', 'single']);
    expect(plane.jobs.map((job) => job.invocationType)).toEqual(plane.jobs.map(() => 'Converse'));
    expect(plane.createCalls).toBe(plane.jobs.length);
    // Every model call of the batch path went through a job.
    expect(runtime.calls - before).toBe(plane.recordsAnswered);

    const expected = await readRun(onDemand.runDir);
    const got = await readRun(batch.plan.runDir);
    expect(comparable(got.records)).toEqual(comparable(expected.records));
    for (const record of got.records.filter((r) => r.variant === 'none')) {
      // The plain variant makes one generation call: its cost is half its usage's on-demand price.
      const step = record.trace.steps[0];
      expect(step?.modelId).toBe(`batch:${GENERATOR.slice('bedrock:'.length)}`);
      const onDemandPrice = costOf(step?.usage as Usage, GENERATOR, priceTable());
      expect(record.usage.generation.costUsd).toBeCloseTo((onDemandPrice as number) / 2, 9);
    }

    const calls = runtime.calls;
    const jobs = plane.jobs.length;
    const replay = await planRun({ file, flags: { replay: true }, cwd, env: env(plane) });
    await runExperiment(replay, { runner: await createCaseRunner(replay, { providerOptions }) });
    expect(comparable((await readRun(replay.runDir)).records)).toEqual(comparable(got.records));
    const rerun = await batchRun(plane, { cwd, file });
    expect(rerun.stats).toMatchObject({ submitted: 0, onDemandCalls: 0 });
    expect(rerun.counts.ok).toBe(4);
    expect([runtime.calls, plane.jobs.length]).toEqual([calls, jobs]);
  });

  it('resumes an interrupted run by polling the same jobs: none submitted twice, no record lost or doubled', async () => {
    const plane = await controlPlane();
    const { cwd, file } = await experiment();
    const stop = new AbortController();
    const first = await batchRun(plane, { cwd, file }, { signal: stop.signal, afterSubmit: () => stop.abort() });
    expect(first.counts).toMatchObject({ interrupted: true, ok: 0 });
    const recorded = await readJobs(first.plan.runDir);
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.every((job) => job.arn !== null && !job.ingested)).toBe(true);

    const resumed = await batchRun(plane, { cwd, resume: first.plan.runDir });
    expect(resumed.counts).toMatchObject({ planned: 4, ok: 4, failed: 0, remaining: 0 });
    expect(plane.createCalls).toBe(plane.jobs.length);
    const names = plane.jobs.map((job) => job.name);
    expect(new Set(names).size).toBe(names.length);
    const keys = (await readRun(first.plan.runDir)).records.map((r) => r.key);
    expect(new Set(keys).size).toBe(4);
    expect(keys).toHaveLength(4);
    const ledger = await readJobs(first.plan.runDir);
    expect(ledger.map((job) => job.arn)).toEqual(plane.jobs.map((job) => job.arn));
    expect(ledger.every((job) => job.ingested)).toBe(true);
  });

  it('a job interrupted between its upload and its submission is submitted once, with the same token', async () => {
    const plane = await controlPlane();
    const { cwd, file } = await experiment();
    const stop = new AbortController();
    // Abort while the first submission is on its way: the ledger holds the job without an ARN.
    const first = await batchRun(
      plane,
      { cwd, file },
      { signal: stop.signal, onProgress: (line) => line.includes('uploaded') && stop.abort() },
    );
    expect(first.counts.interrupted).toBe(true);
    const ledger = await readJobs(first.plan.runDir);
    expect(ledger.length).toBeGreaterThan(0);
    expect(ledger.every((job) => job.arn === null)).toBe(true);
    expect(plane.createCalls).toBe(0);
    const resumed = await batchRun(plane, { cwd, resume: first.plan.runDir });
    expect(resumed.counts).toMatchObject({ ok: 4, remaining: 0 });
    expect(new Set(plane.jobs.map((job) => job.token)).size).toBe(plane.jobs.length);
  });

  it('retries failed records and the records of Failed and Expired jobs on demand, and records what fails again', async () => {
    const plane = await controlPlane({
      failRecord: (_id, job) => job.includes('judge'),
      outcome: (_job, index) => (index === 0 ? 'Failed' : index === 1 ? 'Expired' : 'Completed'),
    });
    const { cwd, file } = await experiment();
    // The first two on-demand calls are refused again. The retries of both jobs' records go out
    // together, each over its own connection, so which two arrive first is not fixed.
    runtime.enqueue(
      reply.error('ValidationException', 'refused on demand'),
      reply.error('ValidationException', 'refused on demand'),
    );
    const run = await batchRun(plane, { cwd, file });
    expect(run.counts).toMatchObject({ planned: 4, remaining: 0, failed: 2, ok: 2 });
    expect(plane.jobs.slice(0, 2).map((job) => job.status)).toEqual(['Failed', 'Expired']);
    expect(run.stats.failedRecords).toBeGreaterThan(0);
    const failed = (await readRun(run.plan.runDir)).records.filter((r) => r.error);
    for (const record of failed) {
      // Each failure names its own job and how that job ended, then the refusal on demand.
      const named = /batch job (\S+) ended (Failed|Expired) .*; on demand: .*refused on demand/.exec(
        record.error?.message ?? '',
      );
      expect(named, record.error?.message).not.toBeNull();
      expect(plane.jobs.find((job) => job.name === named?.[1])?.status).toBe(named?.[2]);
    }
    const ok = (await readRun(run.plan.runDir)).records.filter((r) => !r.error);
    for (const record of ok) expect(record.scores.map((s) => s.metric)).toContain('judge.overall');
  });

  it('sends groups below batch.minRecords on demand (no job)', async () => {
    const plane = await controlPlane();
    const { cwd, file } = await experiment({ minRecords: 1000 });
    const run = await batchRun(plane, { cwd, file });
    const records = (await readRun(run.plan.runDir)).records;
    expect(records.map((r) => r.error ?? null)).toEqual(records.map(() => null));
    expect(run.counts).toMatchObject({ ok: 4, failed: 0 });
    expect(plane.jobs).toHaveLength(0);
    expect(run.stats.onDemandCalls).toBeGreaterThan(0);
  });

  it('refuses a run without a batch: block, and the offline generator, with one line', async () => {
    const cwd = await newTempDir();
    const offline = await planRun({ flags: { limit: 1 }, cwd, env: {} });
    await expect(prepareBatchRun(offline)).rejects.toThrow(/^run --batch: the experiment has no batch: block/);
    const withBatch = {
      ...offline,
      config: {
        ...offline.config,
        batch: {
          s3Uri: 's3://b/x/',
          roleArn: 'arn:aws:iam::111122223333:role/r',
          minRecords: 1,
          maxRecords: 10,
          pollSeconds: 1,
        },
      },
    };
    await expect(prepareBatchRun(withBatch)).rejects.toThrow(
      /offline generator, which makes no model calls; run it without --batch$/,
    );
  });
});
