import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCaseRunner } from '../../src/run/case-runner.js';
import { runExperiment } from '../../src/run/engine.js';
import { planRun } from '../../src/run/execute.js';
import { readRun } from '../../src/run/store.js';
import { watchRemoteConnections } from '../support/remote-connections.js';
import { useTempDirs } from './temp-dirs.js';

const newTempDir = useTempDirs('gb-pf-provider-');

describe('a run on a promptfoo provider id', () => {
  it("sets promptfoo's environment before the provider loads it and makes no network request", async () => {
    const cwd = await newTempDir();
    const plan = await planRun({ flags: { model: ['echo'], variant: ['none'], limit: 1, cache: false }, cwd, env: {} });
    const connections = watchRemoteConnections();
    const runner = await createCaseRunner(plan);
    expect(process.env.PROMPTFOO_DISABLE_TELEMETRY).toBe('1');
    expect(process.env.PROMPTFOO_DISABLE_UPDATE).toBe('1');
    expect(process.env.PROMPTFOO_CONFIG_DIR).toBe(join(cwd, '.cache', 'gherkin-bench', 'promptfoo'));
    const counts = await runExperiment(plan, { runner });
    expect(connections.stop()).toEqual([]);
    expect(counts).toMatchObject({ planned: 1, ok: 1, failed: 0 });
    const [record] = (await readRun(plan.runDir)).records;
    // promptfoo's echo provider answers with the prompt itself: a real reply that holds no gherkin.
    expect(record?.model).toBe('echo');
    expect(record?.trace.steps[0]?.response).toContain(plan.items[0]?.requirement);
    expect(record?.scores.find((s) => s.metric === 'parse')?.value).toBe(0);
  });
});
