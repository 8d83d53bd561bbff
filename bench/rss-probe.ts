/**
 * Preloaded into a child process (`node --import ./rss-probe.js …`) by the memory benchmark: when
 * the process exits it writes its peak resident set size (`process.resourceUsage().maxRSS`, in
 * kB) and CPU times as JSON to the file named by GB_BENCH_PROBE_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.GB_BENCH_PROBE_FILE;
if (file)
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        maxRssKb: usage.maxRSS,
        userMs: usage.userCPUTime / 1000,
        systemMs: usage.systemCPUTime / 1000,
      }),
    );
  });
