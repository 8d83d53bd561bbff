/**
 * Resume guard: a stored run may only be continued by the same experiment on the same inputs,
 * or its results would mix two experiments. Anything that differs is named, exit 2.
 */
import { canonicalJson } from '../canonical-json.js';
import type { RunPlan } from '../config/plan.js';
import { UserError } from '../errors.js';
import { promptsHash } from '../generation/templates.js';
import type { RunManifest } from './types.js';

/** What differs between a stored run and the plan that would resume it ([] = resumable). */
export function resumeDifferences(plan: RunPlan, manifest: RunManifest, prompts: string = promptsHash()): string[] {
  const out: string[] = [];
  const short = (hash: string) => hash.slice(0, 12);
  if (manifest.dataset.hash !== plan.dataset.hash)
    out.push(`the dataset changed (sha256 ${short(manifest.dataset.hash)}… → ${short(plan.dataset.hash)}…)`);
  if (manifest.hashes.prompts !== prompts)
    out.push(
      `the prompt templates or named variants changed (sha256 ${short(manifest.hashes.prompts)}… → ${short(prompts)}…)`,
    );
  const storedItems = manifest.items.map((i) => i.id).join(',');
  if (storedItems !== plan.items.map((i) => i.id).join(',')) out.push('the scored items differ');
  if (canonicalJson(manifest.variants) !== canonicalJson(plan.variants)) out.push('the variants differ');
  if (manifest.cases !== plan.cases.length) out.push(`${manifest.cases} cases were planned, now ${plan.cases.length}`);
  return out;
}

/** Throw a {@link UserError} naming every difference when the plan cannot resume the stored run. */
export function assertResumable(plan: RunPlan, manifest: RunManifest): void {
  const differences = resumeDifferences(plan, manifest);
  if (differences.length)
    throw new UserError(
      'BAD_INPUT',
      `${plan.runDir}: cannot resume: ${differences.join('; ')}; start a new run (gherkin-bench run) instead`,
    );
}
