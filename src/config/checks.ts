/**
 * Cross-field checks: what the schema alone cannot see. Variant names must resolve, the split
 * must hold items, a judge needs a model, few-shot needs a few-shot pool. Each
 * failure is a {@link UserError} naming the field, with "did you mean" where it helps.
 */

import { sha256 } from '../canonical-json.js';
import { splitItems } from '../dataset/splits.js';
import type { Dataset, Item } from '../dataset/types.js';
import { badInput } from '../errors.js';
import { OFFLINE_SPECS } from '../generation/providers/registry.js';
import type { Variant } from '../generation/types.js';
import {
  ablationVariants,
  DEFAULT_ABLATION,
  DEFAULT_VARIANT,
  halfFraction,
  resolveVariant,
  variantFrom,
} from '../generation/variants.js';
import { didYouMean } from '../knowledge/suggest.js';
import { planModel } from './models.js';
import { type ExperimentConfig, MAX_CONCURRENCY } from './schema.js';

/** Where errors point: the experiment file's label (path or `<default experiment>`). */
export interface CheckContext {
  label: string;
  /** Named variants (from prompt-variants/variants/). */
  named: readonly Variant[];
}

/** The smallest ablation a half fraction may cover: resolution IV (main effects clear of two-way interactions). */
export const MIN_HALF_FRACTION_TECHNIQUES = 4;

/**
 * The ablation's variants: the full 2^n, or (`design: half`) the half fraction whose defining
 * relation's sign is drawn from the experiment seed (sha256 of `seed:half-fraction`).
 */
function ablation(config: ExperimentConfig, base: Variant, ctx: CheckContext): Variant[] {
  const techniques = config.ablate ?? DEFAULT_ABLATION;
  const full = ablationVariants(techniques, base);
  if (config.design !== 'half') return full;
  if (techniques.length < MIN_HALF_FRACTION_TECHNIQUES) {
    throw badInput(
      { file: ctx.label, field: 'design' },
      `a half fraction of ${techniques.length} techniques has resolution ${techniques.length === 3 ? 'III' : 'below III'} (main effects aliased with interactions); ablate at least ${MIN_HALF_FRACTION_TECHNIQUES} techniques or use design: full`,
    );
  }
  const sign = Number.parseInt(sha256(`${config.seed}:half-fraction`).slice(0, 2), 16) % 2 === 0 ? 1 : -1;
  return halfFraction(full, techniques, sign);
}

/**
 * The experiment's variants, in order: the ablation's (if any) then the listed ones. With neither,
 * the full ablation of {@link DEFAULT_ABLATION} (all five techniques, 2^5 variants). Names must be unique.
 */
export function resolveVariants(config: ExperimentConfig, ctx: CheckContext): Variant[] {
  const base = config.base ? variantFrom(config.base, 'base', DEFAULT_VARIANT) : DEFAULT_VARIANT;
  const out: Variant[] = [];
  if (config.ablate || !config.variants) out.push(...ablation(config, base, ctx));
  (config.variants ?? []).forEach((entry, index) => {
    const field = `variants[${index}]`;
    if (typeof entry === 'string') {
      try {
        out.push(resolveVariant(entry, ctx.named));
      } catch (error) {
        throw badInput({ file: ctx.label, field }, (error as Error).message, error);
      }
    } else out.push(variantFrom(entry, entry.name, DEFAULT_VARIANT));
  });
  const seen = new Set<string>();
  for (const v of out) {
    if (seen.has(v.name))
      throw badInput(
        { file: ctx.label, field: 'variants' },
        `variant "${v.name}" appears twice (names must be unique)`,
      );
    seen.add(v.name);
  }
  return out;
}

/** The items to score: the split, narrowed to `dataset.items` and `dataset.limit`. */
export function selectItems(config: ExperimentConfig, dataset: Dataset, ctx: CheckContext): Item[] {
  let items = splitItems(dataset, config.dataset.split);
  if (items.length === 0)
    throw badInput(
      { file: ctx.label, field: 'dataset.split' },
      `the "${config.dataset.split}" split of ${dataset.name} has no items`,
    );
  if (config.dataset.items) {
    const byId = new Map(items.map((item) => [item.id, item]));
    items = config.dataset.items.map((id, index) => {
      const item = byId.get(id);
      if (!item) {
        const other = dataset.items.find((i) => i.id === id);
        const why = other
          ? `is in the "${other.split}" split, not "${config.dataset.split}"`
          : `is not in ${dataset.name}${didYouMean(id, byId.keys())}`;
        throw badInput({ file: ctx.label, field: `dataset.items[${index}]` }, `item "${id}" ${why}`);
      }
      return item;
    });
  }
  if (config.dataset.limit !== undefined) items = items.slice(0, config.dataset.limit);
  return items;
}

/** The remaining cross-field rules (after variants and items are known). */
export function checkExperiment(
  config: ExperimentConfig,
  variants: readonly Variant[],
  dataset: Dataset,
  ctx: CheckContext,
): void {
  const at = (field: string) => ({ file: ctx.label, field });
  if (!Number.isInteger(config.repeats) || config.repeats < 1) throw badInput(at('repeats'), 'must be an integer >= 1');
  if (!Number.isInteger(config.concurrency) || config.concurrency < 1 || config.concurrency > MAX_CONCURRENCY)
    throw badInput(at('concurrency'), `must be an integer from 1 to ${MAX_CONCURRENCY}`);
  const models = config.models.map(planModel);
  models.forEach((model, index) => {
    // The reports tell the offline generator apart by its name: it keeps it, so no report can
    // show its candidates under a name that reads like a model's.
    if (OFFLINE_SPECS.includes(model.id) && model.name !== model.id)
      throw badInput(
        at(`models[${index}]`),
        `the offline reference generator is not an LLM and keeps its name "${model.id}"; drop its label and config`,
      );
    const first = models.findIndex((m) => m.name === model.name || m.keyPart === model.keyPart);
    if (first !== index)
      throw badInput(
        at(`models[${index}]`),
        `model "${model.name}" appears twice (models[${first}] is the same model or has the same label)`,
      );
  });
  if (config.judge?.enabled) {
    if (!config.judge.model)
      throw badInput(
        at('judge.model'),
        'the judge is enabled but has no model (set judge.model or pass --judge MODEL)',
      );
    const judge = planModel(config.judge.model);
    if (OFFLINE_SPECS.includes(judge.id))
      throw badInput(
        at('judge.model'),
        `"${judge.id}" is the offline reference generator: it writes controls but cannot judge them (name an LLM, e.g. bedrock:<model-id>)`,
      );
  }
  const fewShot = variants.find((v) => v.fewShot.k > 0);
  if (fewShot && splitItems(dataset, 'fewshot').length === 0)
    throw badInput(
      at('variants'),
      `variant "${fewShot.name}" uses few-shot exemplars but ${dataset.name} has no "fewshot" split items`,
    );
}
