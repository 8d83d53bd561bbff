/** `gherkin-bench report <run-dir>`: rebuild every report file of a stored run, with no model call. */
import type { SummarizeOptions } from '../analysis/summarize.js';
import { runLabelAgreement } from '../labels/run-labels.js';
import { readRun } from '../run/store.js';
import { type WrittenReports, writeReports } from './write.js';

/** Read a stored run (and its expert labels) and (re)write its summary.json, summary.md, results.csv and index.html. */
export async function rebuildReports(runDir: string, options: SummarizeOptions = {}): Promise<WrittenReports> {
  const run = await readRun(runDir);
  const labels = await runLabelAgreement(run, { seed: options.seed ?? run.manifest.seed });
  return writeReports(run.dir, run.manifest, run.records, { ...options, labels });
}
