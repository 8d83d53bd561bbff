/** Few-shot prompting: a `gather` step picks k exemplars (requirement + gold gherkin) from the pool. */
import { z } from 'zod';
import { DEFAULT_EXEMPLAR_POLICY } from '../../dataset/splits.js';
import { selectExemplars } from '../fewshot.js';
import type { Step } from '../step.js';
import type { Technique } from '../technique.js';

/** How few-shot exemplars are picked from the few-shot pool. */
export type FewShotStrategy = 'similar' | 'random';

/** Few-shot's settings in a variant. */
export interface FewShotSettings {
  /** Exemplars shown; 0 = off. */
  k: number;
  strategy: FewShotStrategy;
  /** Draw new exemplars for each repeat (random strategy). */
  resample: boolean;
  /** Only exemplars from other services than the item's. */
  otherServicesOnly: boolean;
}

/** k used when an ablation switches few-shot on and the base variant has k = 0. */
export const DEFAULT_FEWSHOT_K = 3;

const schema = z.strictObject({
  k: z.int().min(0).max(20).optional(),
  strategy: z.enum(['similar', 'random']).optional(),
  resample: z.boolean().optional(),
  otherServicesOnly: z.boolean().optional(),
});

/** The selection step. */
export function fewShotStep(settings: FewShotSettings): Step {
  return {
    id: 'fewshot.select',
    run(state, context) {
      const chosen = selectExemplars(state.task, context.pool, settings, {
        seed: context.seed,
        repeat: context.repeat,
      });
      state.exemplars = chosen.map((e) => ({ id: e.id, requirement: e.requirement, gherkin: e.goldText }));
    },
  };
}

/** Few-shot on (k > 0) or off, with its knobs. */
export const fewShotTechnique: Technique<'fewShot', FewShotSettings, z.output<typeof schema>> = {
  key: 'fewShot',
  label: 'fewshot',
  off: { k: 0, strategy: 'similar', resample: false, ...DEFAULT_EXEMPLAR_POLICY },
  schema,
  merge: (current, input) => ({ ...current, ...input }),
  isOn: (s) => s.k > 0,
  switched: (base, on) => ({ ...base, k: on ? base.k || DEFAULT_FEWSHOT_K : 0 }),
  steps: (s) => [{ stage: 'gather', step: fewShotStep(s) }],
};
