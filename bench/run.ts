/**
 * `npm run bench`: run the named benchmarks (all, or those whose names start with an argument),
 * print a table and write bench/results.json. Benchmarks are measurements, not tests: a missed
 * target is reported, never fails the run.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { packagePath } from '../src/paths.js';
import { agentToolsBenchmark } from './agent-tools.js';
import { batchBenchmark } from './batch.js';
import { cacheBenchmark } from './cache.js';
import { harnessBenchmark } from './harness.js';
import { knowledgeBenchmarks } from './knowledge.js';
import { labellingBenchmark } from './labelling.js';
import { loadBenchmark } from './load.js';
import { memoryBenchmark, memoryScaleBenchmark } from './memory.js';
import { reportingBenchmark } from './reporting.js';
import { scoringBenchmark } from './scoring.js';
import { statisticsBenchmark } from './statistics.js';
import { throughputBenchmark } from './throughput.js';
import type { Benchmark, Measurement } from './types.js';

/** The benchmark table: add a module's benchmarks here. */
const BENCHMARKS: Benchmark[] = [
  // First: it reads this process's peak RSS, which every later benchmark would raise.
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
  let measurements: Record<string, Measurement>;
  try {
    measurements = await benchmark.run();
  } catch (error) {
    // One broken benchmark must not lose the others' numbers.
    failed.push({ name: benchmark.name, error: (error as Error).stack ?? String(error) });
    process.stderr.write(`${benchmark.name} failed: ${(error as Error).stack ?? String(error)}\n`);
    continue;
  }
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
// The numbers are written: end here, even when a failed benchmark left something open (a browser
// that never started kept the process alive for good once).
process.exit(failed.length > 0 ? 1 : 0);
