/**
 * What a benchmark is and how its numbers are summarised: every benchmark returns measurements
 * (one or more samples each), and the runner reports each as median, min and max against its
 * target. A target is met when the median meets it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A target a measurement's median must meet. */
export interface Target {
  op: '<=' | '>=';
  value: number;
}

/** One measured quantity with its samples (one per repetition). */
export interface Measurement {
  /** Short label, e.g. `ratio engine/promptfoo`. */
  metric: string;
  /** Unit of the samples, e.g. `ms`, `calls/s`, `%`, `MB`. */
  unit: string;
  samples: number[];
  target?: Target;
  /** What exactly was measured (printed under the table and kept in results.json). */
  note?: string;
}

/** What a benchmark gets from the runner. */
export interface BenchContext {
  /** Repetitions for fast benchmarks (slow ones say how many they take, usually fewer). */
  runs: number;
  /** A fresh temporary folder for this benchmark (deleted afterwards). */
  tmp: string;
  /** Progress line on stderr. */
  log(message: string): void;
}

/** One benchmark of the suite. */
export interface Benchmark {
  /** Stable id (`--only` takes these). */
  id: string;
  /** Table heading, e.g. `1. Harness overhead`. */
  title: string;
  run(ctx: BenchContext): Promise<Measurement[]>;
}

/** A measurement summarised for the table and results.json. */
export interface ResultRow {
  benchmark: string;
  title: string;
  metric: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  samples: number[];
  target: Target | null;
  /** null when there is no target. */
  pass: boolean | null;
  note: string | null;
}

/** Median of a non-empty list (mean of the middle two for even lengths). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The value at quantile `q` (0..1) of a list, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Summarise one measurement of a benchmark. */
export function summariseMeasurement(bench: Benchmark, m: Measurement): ResultRow {
  const med = median(m.samples);
  const pass = m.target ? (m.target.op === '<=' ? med <= m.target.value : med >= m.target.value) : null;
  return {
    benchmark: bench.id,
    title: bench.title,
    metric: m.metric,
    unit: m.unit,
    median: med,
    min: Math.min(...m.samples),
    max: Math.max(...m.samples),
    runs: m.samples.length,
    samples: m.samples,
    target: m.target ?? null,
    pass,
    note: m.note ?? null,
  };
}

/** Milliseconds taken by `fn` (wall clock). */
export async function timeMs<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
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

/** Give the event loop a turn and ask V8 for a collection when exposed (between samples). */
export async function settle(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 50));
}
