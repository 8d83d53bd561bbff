/** `gherkin-bench report <run-dir>`: rebuild every report file of a stored run, with no model call. */
import type { SummarizeOptions } from '../analysis/summarize.js';
import { UserError } from '../errors.js';
import { didYouMean } from '../knowledge/suggest.js';
import { runLabelAgreement } from '../labels/run-labels.js';
import { readRun } from '../run/store.js';
import { type WrittenReports, writeReports } from './write.js';

/**
 * Read a stored run (and its expert labels) and (re)write its summary.json, summary.md, results.csv
 * and index.html. Throws a {@link UserError} (exit 2) when `options.reference` is not a variant of the run.
 */
export async function rebuildReports(runDir: string, options: SummarizeOptions = {}): Promise<WrittenReports> {
  const run = await readRun(runDir);
  const variants = run.manifest.variants.map((v) => v.name);
  if (options.reference !== undefined && !variants.includes(options.reference)) {
    throw new UserError(
      'BAD_USAGE',
      `--reference: "${options.reference}" is not a variant of run ${run.manifest.runId}${didYouMean(options.reference, variants)}; its variants: ${variants.join(', ')}`,
    );
  }
  const labels = await runLabelAgreement(run, { seed: options.seed ?? run.manifest.seed });
  return writeReports(run.dir, run.manifest, run.records, { ...options, labels });
}
