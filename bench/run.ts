/**
 * `npm run bench`: runs the benchmark table below, one benchmark after another in this process
 * (the memory benchmark measures a child process), prints a Markdown table (median, min, max of
 * several runs against each target) and writes bench/results.json.
 *
 * Usage: `node dist/bench/run.js [--only id,id] [--runs N] [--out FILE]`.
 * To add a benchmark: one import and one entry in {@link BENCHMARKS}.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';
import { type Benchmark, type ResultRow, summariseMeasurement, withTempDir } from './measure.js';
import { resultsNotes, resultsTable } from './table.js';

/** Every benchmark, in the order the suite runs and prints them. */
export const BENCHMARKS: Benchmark[] = [];

interface Args {
  only: string[] | null;
  runs: number;
  out: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { only: null, runs: 5, out: join(packageRoot(), 'bench', 'results.json') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--only' && value) {
      args.only = value.split(',').map((s) => s.trim());
      i++;
    } else if (flag === '--runs' && value) {
      args.runs = Math.max(1, Number.parseInt(value, 10) || 1);
      i++;
    } else if (flag === '--out' && value) {
      args.out = value;
      i++;
    } else {
      throw new Error(`bench: unknown argument ${flag} (use --only id,id --runs N --out FILE)`);
    }
  }
  if (args.only) {
    const known = new Set(BENCHMARKS.map((b) => b.id));
    const unknown = args.only.filter((id) => !known.has(id));
    if (unknown.length)
      throw new Error(`bench: unknown benchmark ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const selected = BENCHMARKS.filter((b) => !args.only || args.only.includes(b.id));
  const startedAt = new Date();
  const loadBefore = loadavg();
  const rows: ResultRow[] = [];
  const errors: { benchmark: string; message: string }[] = [];
  for (const bench of selected) {
    const start = performance.now();
    process.stderr.write(`bench: ${bench.title} …\n`);
    try {
      const measurements = await withTempDir(bench.id, (tmp) =>
        bench.run({ runs: args.runs, tmp, log: (message) => process.stderr.write(`  ${message}\n`) }),
      );
      rows.push(...measurements.map((m) => summariseMeasurement(bench, m)));
    } catch (error) {
      const message = (error as Error).stack ?? String(error);
      errors.push({ benchmark: bench.id, message });
      process.stderr.write(`bench: ${bench.id} failed: ${message}\n`);
    }
    process.stderr.write(`bench: ${bench.title} done in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  }
  const results = {
    schema: 'gherkin-bench.bench/1',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryMb: Math.round(totalmem() / 2 ** 20),
      loadAverageBefore: loadBefore.map((x) => Number(x.toFixed(2))),
      loadAverageAfter: loadavg().map((x) => Number(x.toFixed(2))),
    },
    rows,
    errors,
  };
  writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\n${resultsTable(rows)}\n\n${resultsNotes(rows)}\n\nwrote ${args.out}\n`);
  const missed = rows.filter((r) => r.pass === false);
  if (missed.length)
    process.stdout.write(`targets missed: ${missed.map((r) => `${r.benchmark}/${r.metric}`).join(', ')}\n`);
  if (errors.length) process.exitCode = 1;
}

await main();
