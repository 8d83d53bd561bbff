import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebuildReports } from '../../../src/report/rebuild.js';
import { readRun } from '../../../src/run/store.js';
import { useTempDirs } from '../../run/temp-dirs.js';
import type { FakeBedrock } from '../../support/fake-bedrock.js';
import { detailOf, pageData } from '../../support/report-details.js';
import { useFakeBedrock } from '../../support/use-fake-bedrock.js';
import { GENERATOR, JUDGE, JUDGE_RATIONALE, runAgainst, scriptJudgedRun } from '../judged-run.js';

const newTempDir = useTempDirs('gb-rationale-');
let fake: FakeBedrock;
useFakeBedrock((started) => {
  fake = started;
});

describe("the judge's rationale of a judged run", () => {
  it('is stored on judge.overall in results.jsonl and carried into the report page', async () => {
    scriptJudgedRun(fake);
    const plan = await runAgainst(fake, await newTempDir(), {
      model: [GENERATOR],
      variant: ['none'],
      limit: 2,
      judge: JUDGE,
    });
    const lines = (await readFile(join(plan.runDir, 'results.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      const overall = (
        JSON.parse(line) as { scores: { metric: string; details?: { rationale?: string } }[] }
      ).scores.find((s) => s.metric === 'judge.overall');
      expect(overall?.details?.rationale).toBe(JUDGE_RATIONALE);
    }
    const { records } = await readRun(plan.runDir);
    expect(records.every((r) => r.error === null)).toBe(true);

    await rebuildReports(plan.runDir);
    const html = await readFile(join(plan.runDir, 'index.html'), 'utf8');
    const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}';
    // Escaped for the script element: the angle brackets of the rationale never reach the page raw.
    expect(json).not.toContain('<misses>');
    const data = pageData(html);
    expect(data.cases).toHaveLength(2);
    data.cases.forEach((c, i) => {
      const at = c.scores.findIndex((s) => s.metric === 'judge.overall');
      expect(detailOf(data.details, i).scores[at]?.details?.rationale).toBe(JUDGE_RATIONALE);
    });
  });
});
