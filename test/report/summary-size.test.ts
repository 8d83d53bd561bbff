import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { SUMMARY_MD_BYTES, summaryMarkdown } from '../../src/report/markdown.js';
import { NO_LLM_NOTICE } from '../../src/report/no-llm.js';
import { runExperiment } from '../../src/run/engine.js';
import { planRun } from '../../src/run/execute.js';
import { readRun } from '../../src/run/store.js';
import { useTempDirs } from '../run/temp-dirs.js';

const newTempDir = useTempDirs('gb-summary-size-');

describe('summary.md of the default run', () => {
  it('fits a PR comment: at most 4 KB, the smoke-test notice first, the top and bottom variants and the five main effects', async () => {
    const cwd = await newTempDir();
    const plan = await planRun({ flags: { cache: false }, cwd, env: {} });
    // The default experiment: 106 evaluation items of both gold sets × the 32 variants of the 2^5 ablation.
    expect(plan.cases.length).toBe(3392);
    await runExperiment(plan);
    const run = await readRun(plan.runDir);
    const md = summaryMarkdown(summarize(run.manifest, run.records));
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(SUMMARY_MD_BYTES);
    expect(md.split('\n\n')[1]).toBe(`> **${NO_LLM_NOTICE}**`);
    expect(md).toContain('### Quality by variant: top 5 and bottom 5 of 32 by behaviour');
    expect(md).toMatch(/### Main effects of the techniques \(full factorial 2\^5 of cot, rag, fewShot, agent, repair;/);
    for (const term of ['cot', 'rag', 'fewShot', 'agent', 'repair'])
      expect(md).toMatch(new RegExp(`^\\| ${term} \\| [-+]?0\\.\\d{3} ±`, 'm'));
    expect(md).toMatch(/^\| rag \| [-+]0\.\d{3} ±0\.\d{3}\* \|/m);
    expect(md).not.toMatch(/^\| [^|]*(tokens_|latency_ms|calls|cost_usd)/m);
    expect(md).toMatch(/^\*\*Costs\*\* /m);
  }, 600_000);
});
