/**
 * Batch inference at bench scale: 2,000 records (80 items × 25 repeats, the plain variant, one
 * Bedrock model, no judge) through a real S3-protocol server (s3rver) and the local stand-in for
 * the Bedrock control plane, whose jobs answer through the fake Bedrock Runtime (all three in a
 * child process, batch-services.ts, so their work is not the measured process's). The run is
 * interrupted right after its jobs are recorded (as a kill would leave it) and resumed.
 *
 * - wall time excluding the simulated job time: both invocations end to end (collect rounds,
 *   upload, submit, poll, read back, the final engine pass storing 2,000 cases) minus the time the
 *   stand-in spent answering records and writing output (what Bedrock's own job time would be).
 *   promptfoo is imported, and a 2-case batch run made, before the clock starts (first-use costs,
 *   as engine.harness-overhead warms up too).
 * - lost / duplicated: planned case keys missing from results.jsonl, and lines with a repeated key;
 *   submitted twice: CreateModelInvocationJob requests beyond the jobs created, plus records that
 *   went into more than one job.
 */

import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RunPlan } from '../src/config/plan.js';
import { readJobs } from '../src/run/batch/jobs.js';
import { prepareBatchRun } from '../src/run/batch/run-batch.js';
import { runExperiment } from '../src/run/engine.js';
import { readResults } from '../src/run/records.js';
import { FAKE_CREDENTIALS } from '../test/support/fake-bedrock.js';
import { LOCAL_S3_CREDENTIALS } from '../test/support/local-s3.js';
import { benchPromptfoo, freshRun, narrowPlan, planWithItems } from './experiment.js';
import { progress, siblingScript, withTempDir } from './measure.js';
import { startStandIn } from './stdin-control.js';
import { atMost, type Benchmark, plain } from './types.js';

const GENERATOR = 'bedrock:anthropic.claude-3-5-haiku-20241022-v1:0';
const ITEMS = 80;
const REPEATS = 25;
/** Two jobs of 1,000: the split at the per-job maximum is exercised too. */
const MAX_RECORDS = 1000;

/** Where the stand-ins listen (batch-services.ts prints it). */
export interface ServiceUrls {
  s3: string;
  bucket: string;
  runtime: string;
  plane: string;
}

/** The benchmark's plan (the same in this process and in the child that is killed): run id `batch`. */
export async function batchBenchPlan(dir: string, services: ServiceUrls): Promise<RunPlan> {
  const env = {
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: services.runtime,
    AWS_ENDPOINT_URL_S3: services.s3,
    AWS_ENDPOINT_URL_BEDROCK: services.plane,
  };
  const base = await planWithItems(
    dir,
    ITEMS,
    { model: [GENERATOR], variant: ['none'], repeats: REPEATS, concurrency: 16, runId: 'batch' },
    env,
  );
  return {
    ...base,
    cache: { mode: 'use', dir: join(dir, 'calls') },
    config: {
      ...base.config,
      batch: {
        s3Uri: `s3://${services.bucket}/bench/`,
        roleArn: 'arn:aws:iam::111122223333:role/batch',
        minRecords: 100,
        maxRecords: MAX_RECORDS,
        pollSeconds: 0.05,
      },
    },
  };
}

/** Clients' credentials and options for the stand-ins (s3rver's own keys; fake runtime keys). */
export const BENCH_BATCH_OPTIONS = {
  aws: { credentials: LOCAL_S3_CREDENTIALS },
  providerOptions: { credentials: FAKE_CREDENTIALS },
};

/** The batch benchmark. */
export const batchBenchmark: Benchmark = {
  name: 'run.batch',
  describe: `${ITEMS} items × ${REPEATS} repeats = 2,000 records (plain variant, one Bedrock model, no judge), jobs of ≤ ${MAX_RECORDS} records through s3rver and the local control-plane stand-in; the first invocation killed (SIGKILL) after submission, then resumed`,
  run: () =>
    withTempDir('batch', async (dir) => {
      // promptfoo's first import is a fixed cost of any run, timed by engine.harness-overhead, not here.
      await benchPromptfoo();
      const services = await startServices();
      try {
        const plan = await batchBenchPlan(dir, services);
        const t0 = performance.now();
        const options = {
          onProgress: (line: string) =>
            progress(
              `${Math.round(performance.now() - t0)} ms (CPU ${Math.round(process.cpuUsage().user / 1000)} ms) ${line}`,
            ),
          ...BENCH_BATCH_OPTIONS,
        };
        // One unmeasured small run first (its own folder and cache): the first use of the SDK
        // clients, the API catalog and the scorers, as engine.harness-overhead warms up too.
        const warm = freshRun(narrowPlan(plan, { items: 2, repeats: 1 }), dir, 'warm');
        const warmBatch = warm.config.batch as NonNullable<RunPlan['config']['batch']>;
        const warmPlan: RunPlan = {
          ...warm,
          cache: { mode: 'use', dir: join(dir, 'warm-calls') },
          config: { ...warm.config, batch: { ...warmBatch, minRecords: 1 } },
        };
        const warmed = await prepareBatchRun(warmPlan, { ...options, onProgress: () => {} });
        await runExperiment(warmed.plan, { runner: warmed.runner });
        const before = await services.stats();

        // The first invocation is a child process, killed (SIGKILL) once every job it submits is
        // recorded with its ARN; the clock starts when the child has loaded its modules.
        const child = await startChild(dir, services);
        const started = performance.now();
        child.go();
        const killedAt = await killWhenSubmitted(child, plan.runDir);
        progress(`child killed after ${killedAt.jobs} jobs were recorded with their ARN`);
        const cpuBefore = process.cpuUsage();
        const second = await prepareBatchRun({ ...plan, resume: true }, options);
        const counts = await runExperiment(second.plan, { runner: second.runner });
        const wallMs = performance.now() - started;
        const cpu = process.cpuUsage(cpuBefore);
        const after = await services.stats();
        const plane = {
          jobs: after.jobs - before.jobs,
          createCalls: after.createCalls - before.createCalls,
          recordsAnswered: after.recordsAnswered - before.recordsAnswered,
          jobMs: after.jobMs - before.jobMs,
        };

        const { records } = await readResults(plan.runDir);
        const keys = new Set(records.map((record) => record.key));
        const lost = plan.cases.filter((c) => !keys.has(c.key)).length;
        const duplicated = records.length - keys.size;
        const inJobs = await recordIdsInJobs(plan.runDir);
        const submittedTwice = plane.createCalls - plane.jobs + (inJobs.length - new Set(inJobs).size);
        progress(
          `${counts.ok} ok of ${counts.planned}; ${plane.jobs} jobs, ${plane.recordsAnswered} records answered; ` +
            `job time ${Math.round(plane.jobMs)} ms of ${Math.round(wallMs)} ms`,
        );
        return {
          wall_excluding_job_ms: atMost(wallMs - plane.jobMs, 10_000),
          simulated_job_ms: plain(plane.jobMs),
          cpu_ms: {
            ...plain((cpu.user + cpu.system) / 1000),
            note: 'CPU time of the resuming process (the killed child and the stand-ins run in their own)',
          },
          records: plain(inJobs.length, 'count'),
          jobs: plain(plane.jobs, 'count'),
          lost_records: atMost(lost, 0, 'count'),
          duplicated_records: atMost(duplicated, 0, 'count'),
          submitted_twice: atMost(submittedTwice, 0, 'count'),
          on_demand_calls: plain(second.stats.onDemandCalls, 'count'),
        };
      } finally {
        await services.close();
      }
    }),
};

/** Every record id written into a job's request file (a record in two jobs appears twice). */
async function recordIdsInJobs(runDir: string): Promise<string[]> {
  const folder = join(runDir, 'batch');
  const ids: string[] = [];
  for (const name of (await readdir(folder)).filter((file) => file.endsWith('.requests.jsonl'))) {
    for (const line of (await readFile(join(folder, name), 'utf8')).split('\n'))
      if (line.trim()) ids.push((JSON.parse(line) as { recordId: string }).recordId);
  }
  return ids;
}

/** The first invocation in a child process (batch-child.ts), started and waiting for `go`. */
async function startChild(dir: string, services: ServiceUrls) {
  const child = spawn(process.execPath, [...siblingScript('batch-child'), dir, JSON.stringify(services)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  return { go: () => child.stdin.write('go\n'), kill: () => child.kill('SIGKILL'), exited };
}

/** Kill the child once jobs.json lists jobs that all have an ARN; returns how many. */
async function killWhenSubmitted(
  child: Awaited<ReturnType<typeof startChild>>,
  runDir: string,
): Promise<{ jobs: number }> {
  for (;;) {
    const jobs = await readJobs(runDir).catch(() => []);
    if (jobs.length > 0 && jobs.every((job) => job.arn !== null)) {
      child.kill();
      await child.exited;
      return { jobs: jobs.length };
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The stand-ins' figures (batch-services.ts). */
interface ServiceStats {
  jobs: number;
  createCalls: number;
  recordsAnswered: number;
  jobMs: number;
}

/** Start batch-services in its own process and read its endpoints. */
async function startServices() {
  const standIn = await startStandIn('batch-services');
  const urls = JSON.parse(standIn.greeting) as ServiceUrls;
  return {
    ...urls,
    stats: async (): Promise<ServiceStats> => JSON.parse(await standIn.ask('stats')) as ServiceStats,
    close: standIn.close,
  };
}
