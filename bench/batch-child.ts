/**
 * The batch benchmark's first invocation, in its own process so the benchmark can kill it
 * (SIGKILL) after its jobs are recorded: argv `<dir> <service urls as JSON>`. Prints `ready` once
 * its modules are loaded, then waits for `go` on stdin and runs the batch plan of batch.ts.
 */
import { createInterface } from 'node:readline';
import { prepareBatchRun } from '../src/run/batch/run-batch.js';
import { runExperiment } from '../src/run/engine.js';
import { BENCH_BATCH_OPTIONS, batchBenchPlan, type ServiceUrls } from './batch.js';
import { benchPromptfoo } from './experiment.js';

const [dir, services] = process.argv.slice(2);
if (!dir || !services) throw new Error('usage: batch-child <dir> <service urls JSON>');
await benchPromptfoo();
const plan = await batchBenchPlan(dir, JSON.parse(services) as ServiceUrls);
process.stdout.write('ready\n');
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
const prepared = await prepareBatchRun(plan, BENCH_BATCH_OPTIONS);
await runExperiment(prepared.plan, { runner: prepared.runner });
process.exit(0);
