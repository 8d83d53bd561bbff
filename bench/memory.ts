/**
 * Benchmark 7, peak memory: `gherkin-bench run` with no arguments — the default experiment
 * (offline reference generator, the 2^5 ablation over the eval split, every check, the reports) —
 * in a child process started from the built CLI in an empty working folder (so its call cache
 * starts empty). The child reports its own peak RSS at exit (rss-probe.ts). One run: it is slow.
 *
 * And memory at scale: a run of many cases (GB_BENCH_SCALE_CASES, default 100,000, the issue's
 * target; about 4 minutes) on the offline generator in a child process (memory-scale-child.ts):
 * peak RSS and the slope of the live heap (after a full GC) over the second half of the run —
 * flat when nothing is kept per case.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../src/paths.js';
import { progress, siblingScript, slope, timeCpu, withTempDir } from './measure.js';
import { type Benchmark, type Measurement, plain, round } from './types.js';

/** The memory benchmark. */
export const memoryBenchmark: Benchmark = {
  name: 'run.peak-rss',
  describe:
    'peak RSS of `gherkin-bench run` (the default offline experiment, reports included) in a child process; 1 run',
  run: () =>
    withTempDir('rss', async (dir) => {
      const probeFile = join(dir, 'probe.json');
      const cli = packagePath('dist', 'src', 'cli', 'main.js');
      const probe = fileURLToPath(new URL('./rss-probe.js', import.meta.url));
      const { ms, value: code } = await timeCpu(
        () =>
          new Promise<number | null>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', probe, cli, 'run', '--out', join(dir, 'reports')], {
              cwd: dir,
              env: { ...process.env, GB_BENCH_PROBE_FILE: probeFile, NO_COLOR: '1' },
              stdio: ['ignore', 'ignore', 'pipe'],
            });
            let stderr = '';
            child.stderr.on('data', (chunk: Buffer) => {
              stderr = (stderr + chunk.toString()).slice(-2000);
            });
            child.on('error', reject);
            child.on('exit', (exit) =>
              exit === 0 ? resolve(exit) : reject(new Error(`gherkin-bench run exited ${exit}: ${stderr}`)),
            );
          }),
      );
      const usage = JSON.parse(await readFile(probeFile, 'utf8')) as {
        maxRssKb: number;
        userMs: number;
        systemMs: number;
      };
      progress(`exit ${code}, ${ms.toFixed(0)} ms, peak RSS ${(usage.maxRssKb / 1024).toFixed(0)} MB`);
      return {
        wall_ms: plain(ms),
        cpu_ms: plain(usage.userMs + usage.systemMs),
        peak_rss_mb: {
          ...plain(usage.maxRssKb / 1024, 'MB'),
          target: '<= 1024',
          ok: usage.maxRssKb / 1024 <= 1024,
          runs: 1,
          note: 'process.resourceUsage().maxRSS of the CLI process at exit',
        },
      };
    }),
};

/** Cases of the memory-at-scale run (default 100,000: the target). */
const SCALE_CASES = Number(process.env.GB_BENCH_SCALE_CASES ?? 100_000);

/** What memory-scale-child.ts prints. */
interface ScaleReport {
  cases: number;
  ok: number;
  failed: number;
  wallMs: number;
  peakRssMb: number;
  samples: { done: number; liveHeapMb: number; rssMb: number }[];
}

/** Run memory-scale-child in its own process and read its report. */
function runScaleChild(cases: number, dir: string): Promise<ScaleReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...siblingScript('memory-scale-child'), String(cases), dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(stdout.trim().split('\n').at(-1) as string) as ScaleReport)
        : reject(new Error(`memory-scale-child exited ${code}: ${stderr}`)),
    );
  });
}

/** The memory-at-scale benchmark. */
export const memoryScaleBenchmark: Benchmark = {
  name: 'run.memory-scale',
  describe: `${SCALE_CASES} cases (50 items, variant none, offline generator, every check, cache off, concurrency 16) in a child process: peak RSS and live-heap slope over the second half; 1 run`,
  run: () =>
    withTempDir('scale', async (dir) => {
      const report = await runScaleChild(SCALE_CASES, dir);
      const half = report.samples.filter((s) => s.done >= report.cases / 2);
      const perTenThousand = (points: [number, number][]) => slope(points) * 10_000;
      const heapSlope = perTenThousand(half.map((s) => [s.done, s.liveHeapMb]));
      const rssSlope = perTenThousand(half.map((s) => [s.done, s.rssMb]));
      progress(
        `${report.cases} cases in ${(report.wallMs / 1000).toFixed(0)} s, peak RSS ${report.peakRssMb.toFixed(0)} MB, live heap ${heapSlope.toFixed(2)} MB per 10,000 cases`,
      );
      const measurements: Record<string, Measurement> = {
        cases_completed: {
          value: report.ok + report.failed,
          unit: 'count',
          target: `= ${report.cases}`,
          ok: report.ok + report.failed === report.cases,
          note: `${report.ok} ok, ${report.failed} failed`,
        },
        wall_time: plain(report.wallMs),
        peak_rss_mb: {
          ...plain(report.peakRssMb, 'MB'),
          target: '<= 1024',
          ok: report.peakRssMb <= 1024,
          note: 'process.resourceUsage().maxRSS of the child process',
        },
        live_heap_at_half_mb: plain(half[0]?.liveHeapMb ?? 0, 'MB'),
        live_heap_at_end_mb: plain(report.samples.at(-1)?.liveHeapMb ?? 0, 'MB'),
        live_heap_slope_second_half: {
          value: round(heapSlope),
          unit: 'MB',
          target: '<= 1',
          ok: heapSlope <= 1,
          note: 'MB of live JS heap (after a full GC) per 10,000 more cases, least squares over the second half',
        },
        rss_slope_second_half: {
          value: round(rssSlope),
          unit: 'MB',
          note: 'MB of RSS per 10,000 more cases, least squares over the second half',
        },
      };
      return measurements;
    }),
};
