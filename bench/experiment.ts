/**
 * Experiments for the engine benchmarks: the default plan (offline reference generator) narrowed
 * to the paper's 2^3 ablation (its agent-off, repair-off cells, so the measured grids keep their
 * size now that the default is the 2^5 ablation) over 60 items, fresh run folders for repeated runs, a no-op case runner, and
 * promptfoo loaded once with its folders inside the project's git-ignored `.cache/bench/`.
 */
import { join } from 'node:path';
import type { RunFlags } from '../src/config/flags.js';
import { caseGrid, type RunPlan } from '../src/config/plan.js';
import { loadPromptfoo, type Promptfoo } from '../src/generation/providers/promptfoo-loader.js';
import type { Variant } from '../src/generation/types.js';
import { emptyUsage } from '../src/generation/usage.js';
import { PAPER_ABLATION, techniquesOn } from '../src/generation/variants.js';
import { packagePath } from '../src/paths.js';
import type { CaseRunner } from '../src/run/case-runner.js';
import { planRun } from '../src/run/execute.js';
import { CASE_RECORD_SCHEMA, type CaseRecord } from '../src/run/types.js';

/** promptfoo, loaded once for every benchmark (telemetry and update checks off, folders in .cache/bench/). */
export async function benchPromptfoo(): Promise<Promptfoo> {
  const dir = packagePath('.cache', 'bench', 'promptfoo');
  return (await loadPromptfoo({ configDir: dir, cachePath: join(dir, 'cache') })).promptfoo;
}

/**
 * The default experiment's plan with the given flags, its variants narrowed to the paper's 2^3
 * ablation unless `flags.variant` names them, widened to `items` items when the eval split has
 * fewer: the eval items, then few-shot-pool items (few-shot never picks the item itself, so they
 * run like any other item). The environment is empty: nothing is read from this shell.
 */
export async function planWithItems(
  cwd: string,
  items: number,
  flags: RunFlags = {},
  env: Record<string, string> = {},
): Promise<RunPlan> {
  const plan = await planRun({ flags, cwd, env });
  const extra = plan.dataset.items
    .filter((i) => !plan.items.includes(i))
    .slice(0, Math.max(0, items - plan.items.length));
  const chosen = [...plan.items, ...extra].slice(0, items);
  const variants = flags.variant ? plan.variants : paperVariants(plan.variants);
  return { ...plan, items: chosen, variants, cases: caseGrid(chosen, variants, plan.modelSpecs, plan.repeats) };
}

/** The paper's 2^3 ablation inside the default 2^5 one: the variants with only the paper's techniques on. */
export function paperVariants(variants: readonly Variant[]): Variant[] {
  return variants.filter((v) => techniquesOn(v).every((t) => PAPER_ABLATION.includes(t)));
}

/** The plan narrowed to some items, variants or fewer repeats, with its case grid to match. */
export function narrowPlan(
  plan: RunPlan,
  only: { items?: number; variants?: readonly string[]; repeats?: number },
): RunPlan {
  const items = only.items === undefined ? plan.items : plan.items.slice(0, only.items);
  const variants = only.variants ? plan.variants.filter((v) => only.variants?.includes(v.name)) : plan.variants;
  const repeats = only.repeats ?? plan.repeats;
  return { ...plan, items, variants, repeats, cases: caseGrid(items, variants, plan.modelSpecs, repeats) };
}

/** The same plan writing into a fresh run folder `<dir>/<name>`. */
export function freshRun(plan: RunPlan, dir: string, name: string): RunPlan {
  return { ...plan, runId: name, runDir: join(dir, name), resume: false };
}

/**
 * A case runner that does nothing: it returns a minimal finished record at once, so a run measures
 * only the harness (promptfoo's loop, our provider per variant, the store append, the grading).
 */
export function noopRunner(): CaseRunner {
  const usage = emptyUsage();
  return {
    run: async (task): Promise<CaseRecord> => {
      const at = new Date().toISOString();
      return {
        schema: CASE_RECORD_SCHEMA,
        key: task.key,
        itemId: task.item.id,
        variant: task.variant.name,
        model: task.model,
        repeat: task.repeat,
        candidate: 'Feature: noop',
        trace: { steps: [], retrieved: [], fewShotIds: [] },
        scores: [],
        usage: { generation: usage, judge: null },
        error: null,
        startedAt: at,
        finishedAt: at,
      };
    },
  };
}
