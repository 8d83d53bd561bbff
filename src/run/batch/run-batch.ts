/**
 * `run --batch`: the case grid answered by Amazon Bedrock batch inference, in rounds of "collect,
 * submit, fill the cache, rerun". Each round runs the grid's unstored cases in collect mode (every
 * uncached Bedrock call becomes a record; nothing is stored), groups the records per model and
 * step (CoT analysis, then the gherkin, then the judge, one round each), sends groups below the
 * per-job minimum on demand, splits the others at the per-job maximum, uploads them to S3 and
 * submits one job each, noting every job in `batch/jobs.json` before polling it. Finished jobs'
 * replies fill the call cache; the next round's calls then hit it and reach the next step. When a
 * round defers nothing, the engine runs the grid once more and stores every case from the cache.
 */
import pLimit from 'p-limit';
import { canonicalJson, sha256 } from '../../canonical-json.js';
import type { RunPlan } from '../../config/plan.js';
import type { BatchConfig } from '../../config/schema.js';
import { UserError } from '../../errors.js';
import { toBatchModelInput } from '../../generation/providers/bedrock.js';
import { type CallCache, openCallCache } from '../../generation/providers/cache.js';
import { providerKind } from '../../generation/providers/registry.js';
import { type CaseRunner, type CaseRunnerOptions, createCaseRunner } from '../case-runner.js';
import { createManifest } from '../manifest.js';
import { assertResumable } from '../resume.js';
import { RunStore } from '../store.js';
import { type BatchAws, type BatchAwsOptions, createBatchAws, s3Join } from './aws.js';
import { type Collector, createCollector, DEFERRED_MESSAGE, type PendingCall } from './collect.js';
import { ingestJob } from './ingest.js';
import {
  type BatchJob,
  type RecordRequest,
  readJobs,
  readRecordRequests,
  TERMINAL_STATUSES,
  writeJobs,
  writeRecordRequests,
} from './jobs.js';

/** Longest wait between two polls (ms). */
export const MAX_POLL_MS = 300_000;

/** Options of {@link prepareBatchRun}. */
export interface BatchRunOptions {
  signal?: AbortSignal;
  /** One line per event worth a progress line (submissions, polls, ingestion, rounds). */
  onProgress?: (line: string) => void;
  /** Credentials and other client options beyond the plan's environment (tests). */
  aws?: Pick<BatchAwsOptions, 'credentials'>;
  /** Provider options of the on-demand calls (tests: credentials, attempts). */
  providerOptions?: CaseRunnerOptions['providerOptions'];
  /** Called after each submission is recorded, before polling (tests interrupt a run here). */
  afterSubmit?: (jobs: readonly BatchJob[]) => void;
}

/** What the batch rounds did. */
export interface BatchRunStats {
  rounds: number;
  /** Jobs submitted by this invocation (a resumed run's earlier jobs are polled, not counted). */
  submitted: number;
  /** Records sent in those jobs. */
  records: number;
  /** Replies read back into the call cache. */
  answered: number;
  /** Records that got no reply from their job (retried on demand). */
  failedRecords: number;
  /** Calls made on demand (small groups, retries, tool use). */
  onDemandCalls: number;
  interrupted: boolean;
}

/** The plan to hand the engine (a resume of the folder the batch rounds made) and its case runner. */
export interface PreparedBatchRun {
  plan: RunPlan;
  runner: CaseRunner;
  stats: BatchRunStats;
}

/**
 * Run the batch rounds of a plan until no call is deferred (or the signal aborts), storing each
 * case in the round its last call is answered, and return the resumed plan and runner with which
 * the engine finishes the run (it finds every case stored unless the rounds were interrupted).
 */
export async function prepareBatchRun(plan: RunPlan, options: BatchRunOptions = {}): Promise<PreparedBatchRun> {
  const config = batchConfigOf(plan);
  const store = plan.resume
    ? await RunStore.open(plan.runDir)
    : await RunStore.create(plan.runDir, createManifest(plan, new Date()));
  try {
    if (plan.resume) assertResumable(plan, store.manifest);
    return await rounds(plan, config, store, options);
  } finally {
    await store.close();
  }
}

async function rounds(
  plan: RunPlan,
  config: BatchConfig,
  store: RunStore,
  options: BatchRunOptions,
): Promise<PreparedBatchRun> {
  const say = options.onProgress ?? (() => {});
  const resumed: RunPlan = { ...plan, resume: true };
  const collector = createCollector();
  const runner = await createCaseRunner(resumed, {
    wrapProvider: (provider, role) => collector.wrap(provider, role),
    ...(options.providerOptions ? { providerOptions: options.providerOptions } : {}),
  });
  const vars = plan.env.vars;
  const aws = createBatchAws({
    ...(plan.env.region ? { region: plan.env.region } : {}),
    ...(vars.AWS_PROFILE ? { profile: vars.AWS_PROFILE } : {}),
    ...optionalEndpoint('s3Endpoint', config.s3Endpoint ?? vars.AWS_ENDPOINT_URL_S3 ?? vars.AWS_ENDPOINT_URL),
    ...optionalEndpoint(
      'bedrockEndpoint',
      config.bedrockEndpoint ?? vars.AWS_ENDPOINT_URL_BEDROCK ?? vars.AWS_ENDPOINT_URL,
    ),
    ...options.aws,
  });
  const cache = openCallCache(plan.cache.dir);
  const stats: BatchRunStats = {
    rounds: 0,
    submitted: 0,
    records: 0,
    answered: 0,
    failedRecords: 0,
    onDemandCalls: 0,
    interrupted: false,
  };
  const jobs = await readJobs(plan.runDir);
  const ctx: Rounds = { plan, config, aws, cache, collector, jobs, stats, say, options };
  for (const job of jobs) await remember(ctx, job);

  while (!options.signal?.aborted) {
    if (!(await settleJobs(ctx))) break;
    stats.rounds++;
    const before = plan.cases.filter((c) => store.has(c.key)).length;
    const deferredCases = await collectRound(ctx, runner, store);
    const pending = collector.takePending();
    const stored = plan.cases.filter((c) => store.has(c.key)).length - before;
    say(`round ${stats.rounds}: ${stored} cases stored, ${deferredCases} wait for ${pending.length} model calls`);
    if (deferredCases === 0 && pending.length === 0) break;
    // Every waiting case waits for a call a job or this round holds; anything else would loop.
    if (pending.length === 0) throw new Error(`run --batch: ${deferredCases} cases wait for calls no job holds`);
    await submitRound(ctx, pending);
  }
  stats.interrupted = options.signal?.aborted ?? false;
  stats.onDemandCalls = collector.onDemandCalls;
  collector.mode = 'final';
  return { plan: resumed, runner, stats };
}

/** The plan's `batch:` block, or a one-line user error saying what `run --batch` needs. */
function batchConfigOf(plan: RunPlan): BatchConfig {
  const config = plan.config.batch;
  if (!config)
    throw new UserError(
      'BAD_USAGE',
      'run --batch: the experiment has no batch: block; add batch: { s3Uri: s3://<bucket>/<folder>/, roleArn: arn:aws:iam::<account>:role/<name> }',
    );
  const offline = plan.modelSpecs.find((model) => providerKind(model.id) === 'offline');
  if (offline)
    throw new UserError(
      'BAD_USAGE',
      `run --batch: model "${offline.name}" is the offline generator, which makes no model calls; run it without --batch`,
    );
  if (plan.cache.mode !== 'use')
    throw new UserError(
      'BAD_USAGE',
      `run --batch: batch replies reach the cases through the call cache; use cache mode "use" (not "${plan.cache.mode}")`,
    );
  return config;
}

function optionalEndpoint<K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [name]: value } as Record<K, string>) : {};
}

/** What the round functions share. */
interface Rounds {
  plan: RunPlan;
  config: BatchConfig;
  aws: BatchAws;
  cache: CallCache;
  collector: Collector;
  jobs: BatchJob[];
  stats: BatchRunStats;
  say: (line: string) => void;
  options: BatchRunOptions;
}

/** Note what a recorded job means for collecting: its keys are taken, its failures go on demand. */
async function remember(ctx: Rounds, job: BatchJob): Promise<void> {
  if (job.ingested) {
    for (const [key, reason] of Object.entries(job.failed)) ctx.collector.sendOnDemand(key, reason);
    return;
  }
  for (const record of (await readRecordRequests(ctx.plan.runDir, job.name)).values())
    ctx.collector.inJob.add(record.key);
}

/**
 * Submit the jobs not submitted yet (same idempotency token), poll every unfinished job with
 * backoff until all are terminal, and ingest them. False when interrupted.
 */
async function settleJobs(ctx: Rounds): Promise<boolean> {
  const { aws, say, plan, options } = ctx;
  const open = () => ctx.jobs.filter((job) => !job.ingested);
  for (const job of open().filter((j) => j.arn === null)) {
    if (options.signal?.aborted) return false;
    job.arn = await aws.createJob(submission(ctx, job));
    job.status = 'Submitted';
    await writeJobs(plan.runDir, ctx.jobs);
  }
  if (open().length) options.afterSubmit?.(ctx.jobs);
  let waitMs = ctx.config.pollSeconds * 1000;
  while (open().length) {
    if (options.signal?.aborted) return false;
    for (const job of open().filter((j) => !TERMINAL_STATUSES.includes(j.status))) {
      const state = await aws.getJob(job.arn as string);
      job.status = state.status;
      if (state.message) job.message = state.message;
    }
    await writeJobs(plan.runDir, ctx.jobs);
    for (const job of open().filter((j) => TERMINAL_STATUSES.includes(j.status))) await ingest(ctx, job);
    const waiting = open();
    if (!waiting.length) break;
    say(`jobs: ${statusCounts(ctx.jobs)}; next poll in ${Math.round(waitMs / 1000)} s`);
    await sleep(waitMs, options.signal);
    waitMs = Math.min(MAX_POLL_MS, waitMs * 1.5);
  }
  return !options.signal?.aborted;
}

async function ingest(ctx: Rounds, job: BatchJob): Promise<void> {
  const requests = await readRecordRequests(ctx.plan.runDir, job.name);
  const found = await ingestJob(job, requests, ctx.aws, ctx.cache);
  job.failed = found.failed;
  job.ingested = true;
  await writeJobs(ctx.plan.runDir, ctx.jobs);
  for (const record of requests.values()) ctx.collector.inJob.delete(record.key);
  for (const [key, reason] of Object.entries(found.failed)) ctx.collector.sendOnDemand(key, reason);
  ctx.stats.answered += found.answered;
  const failed = Object.keys(found.failed).length;
  ctx.stats.failedRecords += failed;
  ctx.say(
    `job ${job.name} ${job.status}: ${found.answered}/${job.records} replies cached` +
      (failed ? `, ${failed} go on demand` : '') +
      (found.duplicates || found.unknown
        ? ` (${found.duplicates} repeated, ${found.unknown} unknown lines ignored)`
        : ''),
  );
}

/**
 * Run the grid's unstored cases in collect mode: a case none of whose calls was deferred is
 * finished and stored at once (so it is scored once); returns how many cases wait for a call.
 */
async function collectRound(ctx: Rounds, runner: CaseRunner, store: RunStore): Promise<number> {
  const { plan, collector } = ctx;
  const items = new Map(plan.items.map((item) => [item.id, item]));
  const variants = new Map(plan.variants.map((variant) => [variant.name, variant]));
  const limit = pLimit(plan.concurrency);
  let waiting = 0;
  await Promise.all(
    plan.cases
      .filter((c) => !store.has(c.key))
      .map((c) =>
        limit(async () => {
          if (ctx.options.signal?.aborted) return;
          const { value: record, deferred } = await collector.track(() =>
            runner.run({
              key: c.key,
              item: items.get(c.itemId) as NonNullable<ReturnType<typeof items.get>>,
              variant: variants.get(c.variant) as NonNullable<ReturnType<typeof variants.get>>,
              model: c.model,
              repeat: c.repeat,
            }),
          );
          // A twin of a deferred call (the cache shares one call in flight) fails with its message.
          if (deferred || (record.error && JSON.stringify(record).includes(DEFERRED_MESSAGE))) waiting++;
          else await store.append(record);
        }),
      ),
  );
  return waiting;
}

/** Group a round's calls per model and step; small groups go on demand, the rest become jobs. */
async function submitRound(ctx: Rounds, pending: readonly PendingCall[]): Promise<void> {
  const { config, collector, plan } = ctx;
  const groups = new Map<string, PendingCall[]>();
  for (const call of pending) {
    const id = `${call.providerId}\u0000${call.step}`;
    groups.set(id, [...(groups.get(id) ?? []), call]);
  }
  for (const calls of groups.values()) {
    const first = calls[0] as PendingCall;
    if (calls.length < config.minRecords) {
      for (const call of calls) collector.sendOnDemand(call.key);
      ctx.say(
        `${calls.length} ${first.step} calls of ${first.providerId} go on demand (fewer than batch.minRecords ${config.minRecords})`,
      );
      continue;
    }
    calls.sort((a, b) => a.key.localeCompare(b.key));
    for (let start = 0; start < calls.length; start += config.maxRecords) {
      const chunk = calls.slice(start, start + config.maxRecords);
      const token = sha256([first.providerId, first.step, ...chunk.map((c) => c.key)].join('\n'));
      if (ctx.jobs.some((job) => job.token === token)) {
        // The same records again after their job was read back: never submit a job twice.
        for (const call of chunk)
          collector.sendOnDemand(call.key, 'already sent in a batch job without a usable reply');
        ctx.say(`${chunk.length} ${first.step} records were already in a job; they go on demand`);
        continue;
      }
      const name = `gb-${first.step.replace(/[^a-zA-Z0-9]/g, '')}-${token.slice(0, 20)}`;
      const folder = s3Join(config.s3Uri, `${plan.runId}/${name}`);
      const records: RecordRequest[] = chunk.map((call) => {
        const { context, ...request } = call.request;
        return {
          recordId: call.key,
          key: call.key,
          repeat: call.repeat,
          request: context === undefined ? request : { ...request, contextHash: sha256(canonicalJson(context)) },
        };
      });
      const job: BatchJob = {
        name,
        providerId: first.providerId,
        modelId: first.modelId,
        step: first.step,
        token,
        records: chunk.length,
        inputUri: s3Join(folder, 'input/records.jsonl'),
        outputUri: s3Join(folder, 'output/'),
        arn: null,
        status: 'Created',
        ingested: false,
        failed: {},
      };
      await writeRecordRequests(plan.runDir, name, records);
      const lines = chunk.map((call) =>
        JSON.stringify({ recordId: call.key, modelInput: toBatchModelInput(call.modelId, call.request) }),
      );
      await ctx.aws.putText(job.inputUri, `${lines.join('\n')}\n`);
      for (const call of chunk) collector.inJob.add(call.key);
      ctx.jobs.push(job);
      await writeJobs(plan.runDir, ctx.jobs);
      ctx.stats.submitted++;
      ctx.stats.records += chunk.length;
      ctx.say(`job ${name}: ${chunk.length} ${first.step} records of ${first.providerId} uploaded`);
    }
  }
}

function submission(ctx: Rounds, job: BatchJob) {
  return {
    jobName: job.name,
    modelId: job.modelId,
    roleArn: ctx.config.roleArn,
    clientRequestToken: job.token,
    inputUri: job.inputUri,
    outputUri: job.outputUri,
    ...(ctx.config.timeoutHours === undefined ? {} : { timeoutHours: ctx.config.timeoutHours }),
  };
}

function statusCounts(jobs: readonly BatchJob[]): string {
  const counts = new Map<string, number>();
  for (const job of jobs) if (!job.ingested) counts.set(job.status, (counts.get(job.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
