import { describe, expect, it } from 'vitest';
import type { CaseRunner } from '../../src/run/case-runner.js';
import { chunkCases, runExperiment } from '../../src/run/engine.js';
import { planRun } from '../../src/run/execute.js';
import { readRun } from '../../src/run/store.js';
import { testRecord } from '../support/run-records.js';
import { useTempDirs } from './temp-dirs.js';

const newTempDir = useTempDirs('gb-chunks-');

/** A case runner that finishes each case at once (the engine's chunking is under test, not the cases). */
function instantRunner(calls: string[]): CaseRunner {
  return {
    run: async (task) => {
      calls.push(task.key);
      await new Promise((resolve) => setImmediate(resolve));
      return testRecord(task.key, {
        itemId: task.item.id,
        variant: task.variant.name,
        model: task.model,
        repeat: task.repeat,
        candidate: `Feature: ${task.item.id} #${task.repeat}`,
      });
    },
  };
}

describe('the engine over more cases than one evaluate() chunk', () => {
  it('runs every case exactly once across chunks, and an interruption mid-chunk resumes with the rest', async () => {
    const cwd = await newTempDir();
    const chunk = chunkCases(4);
    const repeats = 2 * chunk + 37;
    const plan = await planRun({
      flags: { limit: 1, variant: ['none'], repeats, concurrency: 4, cache: false },
      cwd,
      env: {},
    });
    expect(plan.cases).toHaveLength(repeats);
    const calls: string[] = [];
    const stop = new AbortController();
    const first = await runExperiment(plan, {
      runner: instantRunner(calls),
      signal: stop.signal,
      onEvent: (event) => {
        if (event.type === 'case' && event.done === chunk + 500) stop.abort();
      },
    });
    expect(first.interrupted).toBe(true);
    expect(first.ok).toBeGreaterThanOrEqual(chunk + 500);
    expect(first.remaining).toBe(repeats - first.ok);

    const resumed = await planRun({ flags: { resume: plan.runDir }, cwd, env: {} });
    const second = await runExperiment(resumed, { runner: instantRunner(calls) });
    expect(second).toMatchObject({
      ok: repeats,
      failed: 0,
      remaining: 0,
      fromStore: first.ok,
      ran: repeats - first.ok,
    });

    const { records } = await readRun(plan.runDir);
    expect(records.map((r) => r.key).sort()).toEqual(plan.cases.map((c) => c.key).sort());
    expect(new Set(calls).size).toBe(calls.length);
    expect(records.map((r) => r.repeat).sort((a, b) => a - b)).toEqual(plan.cases.map((c) => c.repeat));
  });
});
