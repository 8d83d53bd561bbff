import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { readRun } from '../../src/run/store.js';
import { useTempDirs } from './temp-dirs.js';

const newTempDir = useTempDirs('gb-sigint-');

/** Run the real CLI in a child process (tsx), send SIGINT after the first progress line. */
function interruptedRun(cwd: string, out: string): Promise<{ code: number | null; stderr: string }> {
  const loader = pathToFileURL(packagePath('node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(
    process.execPath,
    ['--import', loader, packagePath('src', 'cli', 'main.ts'), 'run', '--out', out, '--no-cache', '--concurrency', '1'],
    { cwd, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  let sent = false;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (!sent && /\n\s+\d+\/\d+ cases\n/.test(stderr)) {
      sent = true;
      child.kill('SIGINT');
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('Ctrl-C during a run', () => {
  it('stops cleanly with exit 130, keeps the finished cases and prints how to resume', {
    timeout: 120_000,
  }, async () => {
    const cwd = await newTempDir();
    const out = join(cwd, 'reports');
    const { code, stderr } = await interruptedRun(cwd, out);
    expect(code).toBe(130);
    const match =
      /interrupted: (\d+)\/(\d+) cases stored in (\S+); resume with: gherkin-bench run --resume (\S+)\n/.exec(stderr);
    expect(match).not.toBeNull();
    const [, stored, planned, where, resumeDir] = match as RegExpExecArray;
    expect(resumeDir).toBe(where);
    expect(Number(stored)).toBeGreaterThan(0);
    expect(Number(stored)).toBeLessThan(Number(planned));
    const run = await readRun(join(cwd, resumeDir as string));
    expect(run.records).toHaveLength(Number(stored));
    expect(run.tornTail).toBe(false);
    expect(run.manifest.finishedAt).toBeNull();
  });
});
