import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReports } from '../../src/report/write.js';
import { runExperiment } from '../../src/run/engine.js';
import { planRun } from '../../src/run/execute.js';
import { readRun } from '../../src/run/store.js';
import { useTempDirs } from '../run/temp-dirs.js';

const newTempDir = useTempDirs('gb-summary-size-');

describe('summary.md of the default run', () => {
  it('fits a PR comment: at most 4 KB, quality first, no cost row in any table', async () => {
    const cwd = await newTempDir();
    const plan = await planRun({ flags: { cache: false }, cwd, env: {} });
    expect(plan.cases.length).toBe(848); // the default experiment: 106 evaluation items of both gold sets × 8 variants
    await runExperiment(plan);
    const run = await readRun(plan.runDir);
    writeReports(plan.runDir, run.manifest, run.records);
    const md = readFileSync(join(plan.runDir, 'summary.md'), 'utf8');
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(4096);
    expect(md).toContain('### Significant quality changes');
    expect(md).toMatch(/^\| term \| grounding \|/m);
    expect(md).toMatch(/^\| rag \| \+0\.\d{3} \|/m);
    expect(md).not.toMatch(/^\| [^|]*(tokens_|latency_ms|calls|cost_usd)/m);
    expect(md).toMatch(/^\*\*Costs\*\* /m);
  }, 180_000);
});
