/**
 * Write every report file of a run folder from its stored records: summary.json (the gate's
 * input), summary.md, results.csv and index.html — with the agreement of the run's expert labels
 * when given. Needs no model call.
 */
import { join } from 'node:path';
import { type SummarizeOptions, summarize } from '../analysis/summarize.js';
import type { Summary } from '../analysis/types.js';
import { writeFileAtomic } from '../atomic-write.js';
import type { LabelAgreement } from '../labels/agreement.js';
import type { CaseRecord, RunManifest } from '../run/types.js';
import { resultsCsv } from './csv.js';
import { reportHtml } from './html.js';
import { summaryMarkdown } from './markdown.js';

/** The report files of a run folder. */
export const REPORT_FILES = ['summary.json', 'summary.md', 'results.csv', 'index.html'] as const;

/** What {@link writeReports} wrote. */
export interface WrittenReports {
  summary: Summary;
  /** Absolute paths, in {@link REPORT_FILES} order. */
  files: string[];
}

/**
 * Analyse a run and write its report files into `runDir`. Each file is rendered before any is
 * written, and each is written atomically, so a failure leaves the previous files intact.
 */
export function writeReports(
  runDir: string,
  manifest: RunManifest,
  records: readonly CaseRecord[],
  options: SummarizeOptions & { labels?: LabelAgreement | null } = {},
): WrittenReports {
  const { labels, ...summarizeOptions } = options;
  const summary: Summary = {
    ...summarize(manifest, records, summarizeOptions),
    ...(labels ? { labels } : {}),
  };
  const contents: Record<(typeof REPORT_FILES)[number], string> = {
    'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
    'summary.md': summaryMarkdown(summary),
    'results.csv': resultsCsv(records, summary.metrics),
    'index.html': reportHtml(manifest, records, summary),
  };
  const files = REPORT_FILES.map((name) => {
    const path = join(runDir, name);
    writeFileAtomic(path, contents[name]);
    return path;
  });
  return { summary, files };
}
