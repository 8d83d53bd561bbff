/**
 * `npm run bench`: run the named benchmarks (all, or those whose names start with an argument),
 * print a table and write bench/results.json. Benchmarks are measurements, not tests: a missed
 * target is reported, never fails the run. Each benchmark runs in a fresh process of its own
 * (this script again, with `--one <name> <result file>`), so none pays for the heap, the JIT state
 * or the peak RSS another one left behind, as a `gherkin-bench run` starts fresh too.
 */
import { spawn } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../src/paths.js';
import { agentToolsBenchmark } from './agent-tools.js';
import { batchBenchmark } from './batch.js';
import { cacheBenchmark } from './cache.js';
import { harnessBenchmark } from './harness.js';
import { knowledgeBenchmarks } from './knowledge.js';
import { labellingBenchmark } from './labelling.js';
import { loadBenchmark } from './load.js';
import { siblingScript } from './measure.js';
import { memoryBenchmark, memoryScaleBenchmark } from './memory.js';
import { reportingBenchmark } from './reporting.js';
import { scoringBenchmark } from './scoring.js';
import { statisticsBenchmark } from './statistics.js';
import { throughputBenchmark } from './throughput.js';
import type { Benchmark, Measurement } from './types.js';

/** The benchmark table: add a module's benchmarks here. */
const BENCHMARKS: Benchmark[] = [
  loadBenchmark,
  harnessBenchmark,
  throughputBenchmark,
  cacheBenchmark,
  ...knowledgeBenchmarks,
  agentToolsBenchmark,
  scoringBenchmark,
  reportingBenchmark,
  labellingBenchmark,
  memoryBenchmark,
  memoryScaleBenchmark,
  statisticsBenchmark,
  batchBenchmark,
];

/** What one benchmark's process hands back: its measurements, or why it failed. */
type Outcome = { measurements: Record<string, Measurement> } | { error: string };

// A benchmark's own process: run it, write its outcome, end (even when it left something open: a
// browser that never started kept a process alive for good once).
if (process.argv[2] === '--one') {
  const [name, file] = [process.argv[3], process.argv[4] as string];
  const benchmark = BENCHMARKS.find((b) => b.name === name);
  let outcome: Outcome;
  try {
    if (!benchmark) throw new Error(`no benchmark named ${name}`);
    outcome = { measurements: await benchmark.run() };
  } catch (error) {
    outcome = { error: (error as Error).stack ?? String(error) };
  }
  writeFileSync(file, JSON.stringify(outcome));
  process.exit(0);
}

/** Run one benchmark in a fresh process (its progress lines go to this one's stderr). */
async function runAlone(benchmark: Benchmark): Promise<Outcome> {
  const file = join(tmpdir(), `gherkin-bench-${process.pid}-${benchmark.name}.json`);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [...siblingScript('run'), '--one', benchmark.name, file], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Outcome;
  } catch {
    return { error: `its process ended with code ${code} before it wrote a result` };
  } finally {
    rmSync(file, { force: true });
  }
}

const filters = process.argv.slice(2);
const chosen = BENCHMARKS.filter((b) => filters.length === 0 || filters.some((f) => b.name.startsWith(f)));
if (chosen.length === 0) {
  process.stderr.write(
    `no benchmark matches ${filters.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}\n`,
  );
  process.exit(2);
}

const results: { name: string; describe: string; measurements: Record<string, Measurement> }[] = [];
const rows: string[][] = [['benchmark', 'measure', 'value', 'unit', 'min', 'max', 'runs', 'target', 'ok']];
const failed: { name: string; error: string }[] = [];
for (const benchmark of chosen) {
  process.stderr.write(`running ${benchmark.name} …\n`);
  const outcome = await runAlone(benchmark);
  if ('error' in outcome) {
    // One broken benchmark must not lose the others' numbers.
    failed.push({ name: benchmark.name, error: outcome.error });
    process.stderr.write(`${benchmark.name} failed: ${outcome.error}\n`);
    continue;
  }
  const { measurements } = outcome;
  results.push({ name: benchmark.name, describe: benchmark.describe, measurements });
  for (const [key, m] of Object.entries(measurements))
    rows.push([
      benchmark.name,
      key,
      String(m.value),
      m.unit,
      m.min === undefined ? '' : String(m.min),
      m.max === undefined ? '' : String(m.max),
      m.runs === undefined ? '' : String(m.runs),
      m.target ?? '',
      m.ok === undefined ? '' : m.ok ? 'yes' : 'NO',
    ]);
}

const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
for (const row of rows) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')}\n`);

const file = packagePath('bench', 'results.json');
const temp = `${file}.${process.pid}.tmp`;
writeFileSync(
  temp,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
      results,
      failed,
    },
    null,
    2,
  )}\n`,
);
renameSync(temp, file);
process.stdout.write(`wrote ${file}\n`);
if (failed.length > 0) process.stderr.write(`failed: ${failed.map((f) => f.name).join(', ')}\n`);
process.exitCode = failed.length > 0 ? 1 : 0;
