import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunFlags } from '../../src/config/flags.js';
import type { CaseRunner } from '../../src/run/case-runner.js';
import { runExperiment } from '../../src/run/engine.js';
import { planRun } from '../../src/run/execute.js';
import { readRun } from '../../src/run/store.js';
import { testRecord } from '../support/run-records.js';
import { useTempDirs } from './temp-dirs.js';

const newTempDir = useTempDirs('gb-slots-');

/** How long a case's "checks" wait for more cases to start before they finish anyway. */
const HOLD_MS = 300;

/**
 * A runner whose cases say their model calls are done at once and then hold their "checks" until
 * three cases have started (or {@link HOLD_MS} passed). It notes how many cases had started when
 * the first one finished: what the engine let run while scoring was still going.
 */
function holdingRunner(): { runner: CaseRunner; startedBeforeFirstFinish: () => number } {
  let started = 0;
  let atFirstFinish = -1;
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    runner: {
      run: async (task) => {
        started++;
        if (started === 3) open();
        task.modelsDone?.();
        await Promise.race([gate, new Promise((resolve) => setTimeout(resolve, HOLD_MS))]);
        if (atFirstFinish < 0) atFirstFinish = started;
        return testRecord(task.key, {
          itemId: task.item.id,
          variant: task.variant.name,
          model: task.model,
          repeat: task.repeat,
        });
      },
    },
    startedBeforeFirstFinish: () => atFirstFinish,
  };
}

/** Four cases of one item at concurrency 1 on the holding runner; promptfoo's own folder in the temp dir. */
async function runHeld(flags: RunFlags) {
  const cwd = await newTempDir();
  const plan = await planRun({
    flags: { limit: 1, variant: ['none'], repeats: 4, concurrency: 1, cache: false, ...flags },
    cwd,
    env: { PROMPTFOO_CONFIG_DIR: join(cwd, 'promptfoo-home') },
  });
  const held = holdingRunner();
  const counts = await runExperiment(plan, { runner: held.runner });
  const run = await readRun(plan.runDir);
  return { counts, keys: run.records.map((r) => r.key).sort(), planned: plan.cases.map((c) => c.key).sort(), held };
}

describe("the engine's concurrency slots", () => {
  it('gives a slot back once a case calls no more models, at most `concurrency` cases detached, every case stored', async () => {
    const { counts, keys, planned, held } = await runHeld({});
    // Concurrency 1: the first case detached while its checks ran, the second kept its slot (the
    // bound), so no third case started before one finished.
    expect(held.startedBeforeFirstFinish()).toBe(2);
    expect(counts).toMatchObject({ ok: 4, failed: 0, remaining: 0, ran: 4 });
    expect(keys).toEqual(planned);
  });

  it("keeps the slot to the end with --promptfoo-db (promptfoo's result needs the scores)", async () => {
    const { counts, held } = await runHeld({ promptfooDb: true });
    expect(held.startedBeforeFirstFinish()).toBe(1);
    expect(counts).toMatchObject({ ok: 4, remaining: 0 });
  });
});
