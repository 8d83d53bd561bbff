/** promptfoo's folders for a run (promptfoo itself is loaded by generation/providers/promptfoo-loader.ts). */
import { join, resolve } from 'node:path';
import type { RunPlan } from '../config/plan.js';
import type { PromptfooSetup } from '../generation/providers/promptfoo-loader.js';

/**
 * promptfoo's folders for a plan: the user's PROMPTFOO_CONFIG_DIR; else, when its database is
 * asked for, promptfoo's default (~/.promptfoo, where `npx promptfoo view` looks); else a folder
 * beside gherkin-bench's call cache (nothing of the run is written there).
 */
export function promptfooSetupFor(plan: Pick<RunPlan, 'cache' | 'env' | 'promptfooDb'>): PromptfooSetup {
  const ownDir = resolve(plan.cache.dir, '..', 'promptfoo');
  const configDir = plan.env.vars.PROMPTFOO_CONFIG_DIR ?? (plan.promptfooDb ? undefined : ownDir);
  return {
    ...(configDir === undefined ? {} : { configDir }),
    cachePath: plan.env.vars.PROMPTFOO_CACHE_PATH ?? join(ownDir, 'cache'),
  };
}
