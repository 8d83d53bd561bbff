/** Whether a run's candidates came from an LLM at all, and what the reports say when they did not. */
import { OFFLINE_SPECS } from '../generation/providers/registry.js';

/** True when no model of the run is an LLM (every one is the offline reference generator). */
export function noLlm(models: readonly string[]): boolean {
  return models.length > 0 && models.every((m) => OFFLINE_SPECS.includes(m));
}

/** The notice every report puts first for a run no LLM generated. */
export const NO_LLM_NOTICE =
  'No LLM generated these candidates. offline:reference is a deterministic pipeline smoke test, not a model: its differences between variants hold by construction and say nothing about prompting techniques. Run with a model (--model) to measure one.';
