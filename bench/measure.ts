/**
 * Helpers for the benchmarks that repeat a measurement: time a piece of work (wall clock and CPU),
 * and summarise the samples as the median with min, max and the number of runs, held to a target.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { packagePath } from '../src/paths.js';
import { type Measurement, round } from './types.js';

/** A target a median must meet. */
export interface Target {
  op: '<=' | '>=';
  value: number;
}

/** Median of a list (mean of the middle two for even lengths; NaN when empty). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Samples as one measurement: the median is the value (and what the target is checked on), with
 * min, max and the number of runs alongside.
 */
export function summarise(samples: readonly number[], unit: Measurement['unit'], target?: Target): Measurement {
  const value = median(samples);
  const m: Measurement = {
    value: round(value),
    unit,
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
    runs: samples.length,
  };
  if (target) {
    m.target = `${target.op} ${target.value}`;
    m.ok = target.op === '<=' ? value <= target.value : value >= target.value;
  }
  return m;
}

/** Wall-clock and CPU (user + system of this process) milliseconds taken by `fn`. */
export async function timeCpu<T>(fn: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/**
 * CPU milliseconds (user + system) of this process's main thread alone, without worker threads,
 * libuv's pool or V8's helper threads (Linux: /proc/self/task/<pid>/stat, 10 ms ticks); null
 * where that file does not exist.
 */
export function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Run `fn` with a fresh temporary folder that is removed afterwards. */
export async function withTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), `gb-bench-${prefix}-`));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A full garbage collection on demand (V8's gc, exposed at run time: no node flag needed). */
export function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Between samples: collect garbage when V8 exposes it (`node --expose-gc`), and give the event
 * loop a turn. `npm run bench` does not force it: a forced full collection shrinks the heap and
 * the next sample pays for growing it again (scoring measured 20–30 % slower so), which no real
 * run does between its cases.
 */
export async function settle(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** A progress line on stderr (stdout holds the table). */
export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/** Least-squares slope of y over x. */
export function slope(points: readonly [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/**
 * node's arguments to run another script of bench/ by name (`fake-bedrock-server`): its .js next
 * to this module under dist/, or its .ts through tsx's loader when the benchmarks run from source.
 */
export function siblingScript(name: string): string[] {
  const fromSource = import.meta.url.endsWith('.ts');
  const script = fileURLToPath(new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, import.meta.url));
  return fromSource
    ? ['--import', pathToFileURL(packagePath('node_modules', 'tsx', 'dist', 'loader.mjs')).href, script]
    : [script];
}
