/**
 * Validating a dataset folder: everything {@link loadDataset} checks (CSV, schema, unique ids,
 * gold files present and inside the folder), then for every gold: it parses with
 * @cucumber/gherkin, meets every structure rule, agrees with its index row, and every Boto3 call
 * and member path it quotes grounds in the pinned botocore models. All problems are collected,
 * each as `file:line: message`. A set whose `dataset.yaml` says `scenarios: as-written` (an
 * imported engineer-written set) gets its scenario count and outcome coverage as warnings.
 */
import { parseControl } from '../gherkin/parse.js';
import { checkStructure } from '../gherkin/rules.js';
import { defaultCatalog, type ServiceCatalog } from '../knowledge/catalog.js';
import { checkGoldBehaviour } from './behaviour-check.js';
import { checkDataset } from './dataset-checks.js';
import { checkGoldAgainstRow, checkRow } from './gold-checks.js';
import { checkGrounding } from './grounding-check.js';
import { defaultDatasetDir, readDataset } from './load.js';
import { type Problem, withoutLocation } from './problems.js';
import { PROVENANCE_FILE, readProvenance } from './provenance.js';

/**
 * Checks that an imported set's `scenarios: as-written` turns into warnings: the engineers' number
 * of scenarios, their outcomes, and two scenarios whose restated steps are the same (the
 * engineers told them apart by something the rule's code never reads).
 */
const AS_WRITTEN_CHECKS: ReadonlySet<string> = new Set([
  'scenario-count',
  'outcome-coverage',
  'style:unique-scenarios',
]);

/** What {@link validateDataset} found. */
export interface ValidationReport {
  /** The folder as given. */
  dir: string;
  /** sha256 of the index and the gold files that could be read. */
  hash: string;
  /** Rows read without an index problem. */
  items: number;
  /** Every problem, index problems first, then per item in index order. */
  problems: Problem[];
  errors: number;
  warnings: number;
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  /** Wall time of the validation, milliseconds. */
  elapsedMs: number;
}

/** Options of {@link validateDataset}. */
export interface ValidateOptions {
  /** The botocore catalog to check services, methods and paths against (default: the pinned one). */
  catalog?: ServiceCatalog;
}

/** Validate a dataset folder (default: the shipped gold set) and report every problem. */
export async function validateDataset(
  dir: string = defaultDatasetDir(),
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  const started = performance.now();
  const catalog = options.catalog ?? defaultCatalog();
  const read = await readDataset(dir);
  const provenance = await readProvenance(dir);
  const problems: Problem[] = [...read.problems];
  const featureNames = new Map<string, string>();

  for (const located of read.located) {
    problems.push(...checkRow(located, catalog));
    const parsed = parseControl(located.item.goldText);
    if (!parsed.ok) {
      problems.push({
        file: located.goldFile,
        line: parsed.error.line,
        message: `does not parse as Gherkin: ${withoutLocation(parsed.error.message)}`,
        severity: 'error',
        check: 'parse',
      });
      continue;
    }
    featureNames.set(located.item.id, parsed.control.featureName);
    const goldProblems: Problem[] = checkStructure(located.item.goldText, parsed.control)
      .filter((verdict) => !verdict.pass)
      .map((verdict) => ({
        file: located.goldFile,
        line: verdict.line ?? parsed.control.featureLine,
        message: `${verdict.message} (rule ${verdict.rule})`,
        severity: 'error',
        check: `style:${verdict.rule}`,
      }));
    goldProblems.push(...checkGoldAgainstRow(located, parsed.control));
    for (const problem of goldProblems) {
      problems.push(
        provenance.scenarios === 'as-written' && AS_WRITTEN_CHECKS.has(problem.check)
          ? {
              ...problem,
              severity: 'warning',
              message: `${problem.message} (kept as the engineers wrote it: ${PROVENANCE_FILE} scenarios: as-written)`,
            }
          : problem,
      );
    }
    problems.push(...checkGrounding(located, catalog));
    problems.push(...checkGoldBehaviour(located, parsed.control));
  }

  problems.push(...(await checkDataset(read, featureNames)));

  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    dir,
    hash: read.dataset.hash,
    items: read.located.length,
    problems,
    errors,
    warnings: problems.length - errors,
    ok: errors === 0,
    elapsedMs: Math.round(performance.now() - started),
  };
}
