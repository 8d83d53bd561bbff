import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/run/engine.js';
import { planRun } from '../../src/run/execute.js';
import { useTempDirs } from './temp-dirs.js';

const newTempDir = useTempDirs('gb-pfdb-');

describe('--promptfoo-db', () => {
  it("writes the run into promptfoo's local database (in PROMPTFOO_CONFIG_DIR), beside our own store", async () => {
    const cwd = await newTempDir();
    const configDir = join(cwd, 'promptfoo-home');
    const plan = await planRun({
      flags: { limit: 1, variant: ['none'], promptfooDb: true, cache: false },
      cwd,
      env: { PROMPTFOO_CONFIG_DIR: configDir },
    });
    const counts = await runExperiment(plan);
    expect(counts.ok).toBe(1);
    const db = join(configDir, 'promptfoo.db');
    expect(existsSync(db)).toBe(true);
    const bytes = [db, `${db}-wal`]
      .filter(existsSync)
      .map((f) => readFileSync(f).toString('latin1'))
      .join('');
    expect(bytes).toContain(`gherkin-bench ${plan.runId}`);
  });
});
