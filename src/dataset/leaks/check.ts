/**
 * Every leak check over what ships: the gold sets (scored together, as the default experiment
 * does), the prompt templates and the retrieval development queries. A leak is an error (CI fails
 * on it); a near-duplicate between evaluation items of two gold sets is a warning.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { devRetrievalSetPath, loadRetrievalSet } from '../../knowledge/retrieval-eval.js';
import { packagePath } from '../../paths.js';
import { combineDatasets, DEFAULT_DATASETS } from '../combine.js';
import { readDataset } from '../load.js';
import { type Problem, problemsToError } from '../problems.js';
import { DEFAULT_EXEMPLAR_POLICY, type FewShotPoolOptions } from '../splits.js';
import { exemplarLeaks } from './exemplar-leaks.js';
import { nearDuplicateLeaks, type RequirementText } from './near-duplicates.js';
import { templateLeaks } from './template-leaks.js';

/** What to check (defaults: everything shipped). */
export interface LeakCheckOptions {
  /** Gold set folders (default: the shipped sets of the default experiment). */
  datasets?: readonly string[];
  /** Folder of prompt templates (`*.md`; default prompt-variants/templates). */
  templatesDir?: string;
  /** Retrieval development queries (default datasets/retrieval/dev.csv). */
  retrievalDev?: string;
  /** Exemplar policy in use (default {@link DEFAULT_EXEMPLAR_POLICY}). */
  policy?: FewShotPoolOptions;
}

/** What {@link checkLeaks} found. */
export interface LeakReport {
  problems: Problem[];
  errors: number;
  warnings: number;
  ok: boolean;
  /** The policy the exemplar check used. */
  policy: FewShotPoolOptions;
}

/** Run every leak check. Throws (bad input) only when a gold set or file cannot be read at all. */
export async function checkLeaks(options: LeakCheckOptions = {}): Promise<LeakReport> {
  const dirs = options.datasets ?? DEFAULT_DATASETS.map((name) => packagePath('datasets', name));
  const policy = options.policy ?? DEFAULT_EXEMPLAR_POLICY;
  const reads = await Promise.all(dirs.map((dir) => readDataset(dir)));
  for (const read of reads) {
    const error = problemsToError(read.problems);
    if (error) throw error;
  }
  const combined = combineDatasets(reads.map((r) => r.dataset));
  const evalItems = combined.items.filter((i) => i.split === 'eval');

  const templatesDir = options.templatesDir ?? packagePath('prompt-variants', 'templates');
  const names = (await readdir(templatesDir)).filter((f) => f.endsWith('.md')).sort();
  const templates = await Promise.all(
    names.map(async (name) => ({
      file: join(templatesDir, name),
      text: await readFile(join(templatesDir, name), 'utf8'),
    })),
  );

  const devFile = options.retrievalDev ?? devRetrievalSetPath();
  const texts: RequirementText[] = reads.flatMap((read) =>
    read.located.map(({ item, line, indexFile }) => ({
      key: `${read.dataset.name}/${item.id}`,
      file: indexFile,
      line,
      requirement: item.requirement,
      role: item.split,
      set: read.dataset.name,
    })),
  );
  for (const query of loadRetrievalSet(devFile))
    texts.push({
      key: `retrieval-dev/${query.id}`,
      file: devFile,
      line: query.line,
      requirement: query.requirement,
      role: 'dev',
      set: 'retrieval-dev',
    });

  const problems = [
    ...templateLeaks(templates, evalItems),
    ...nearDuplicateLeaks(texts),
    ...exemplarLeaks(combined, policy, reads.map((r) => r.indexFile).join(' + ')),
  ];
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { problems, errors, warnings: problems.length - errors, ok: errors === 0, policy };
}
