/** Loading what the gate compares: a stored run with its summary, a baseline and the rules. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from '../analysis/summarize.js';
import { SUMMARY_SCHEMA, type Summary } from '../analysis/types.js';
import { writeFileAtomic } from '../atomic-write.js';
import { badInput } from '../errors.js';
import { readRun } from '../run/store.js';
import type { CaseRecord, RunManifest } from '../run/types.js';
import { type Baseline, makeBaseline, readBaseline } from './baseline.js';
import { evaluateGate, type GateOptions, type GateResult } from './evaluate.js';
import { DEFAULT_RULES, readRules } from './rules.js';

/** A stored run with its summary.json. */
export interface GatedRun {
  manifest: RunManifest;
  records: CaseRecord[];
  summary: Summary;
}

/** Read a run folder and its summary.json (written by `gherkin-bench run` or `gherkin-bench report`). */
export async function readGatedRun(runDir: string): Promise<GatedRun> {
  const run = await readRun(runDir);
  const file = join(runDir, 'summary.json');
  let summary: Summary;
  try {
    summary = JSON.parse(readFileSync(file, 'utf8')) as Summary;
  } catch (cause) {
    throw badInput(
      { file },
      `the run has no readable summary; write it with \`gherkin-bench report ${runDir}\``,
      cause,
    );
  }
  if (summary?.schema !== SUMMARY_SCHEMA || !Array.isArray(summary.estimates)) {
    throw badInput(
      { file, field: 'schema' },
      `expected ${SUMMARY_SCHEMA}; rebuild it with \`gherkin-bench report ${runDir}\``,
    );
  }
  return { manifest: run.manifest, records: run.records, summary };
}

/** `gherkin-bench gate`: evaluate a run against a baseline under the rules (defaults without a file). */
export async function gateRun(
  input: { baseline: string; run: string; rules?: string } & GateOptions,
): Promise<GateResult> {
  const baseline = readBaseline(input.baseline);
  const rules = input.rules ? readRules(input.rules) : DEFAULT_RULES;
  const run = await readGatedRun(input.run);
  return evaluateGate(baseline, run, rules, input);
}

/** `gherkin-bench baseline save`: write the baseline of a stored run (its summary is recomputed, seeded). */
export async function saveBaseline(runDir: string, out: string): Promise<Baseline> {
  const run = await readRun(runDir);
  const baseline = makeBaseline(run.manifest, run.records, summarize(run.manifest, run.records));
  writeFileAtomic(out, `${JSON.stringify(baseline, null, 1)}\n`);
  return baseline;
}
