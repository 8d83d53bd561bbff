/**
 * Benchmark 7, peak memory: `gherkin-bench run` with no arguments — the default experiment
 * (offline reference generator, the 2^3 ablation over the eval split, every check, the reports) —
 * in a child process started from the built CLI in an empty working folder (so its call cache
 * starts empty). The child reports its own peak RSS at exit (rss-probe.ts). One run: it is slow.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../src/paths.js';
import { progress, timeCpu, withTempDir } from './measure.js';
import { type Benchmark, plain } from './types.js';

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
