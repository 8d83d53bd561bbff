/**
 * A fourth technique that is not shipped: `tidy`, a `revise` step that stamps the written gherkin
 * with a tag. It proves that a technique is its own module plus one row of the technique table.
 */
import { z } from 'zod';
import type { Step } from '../../src/generation/step.js';
import type { Technique } from '../../src/generation/technique.js';

/** The tidy technique's settings. */
export interface TidySettings {
  enabled: boolean;
  tag: string;
}

const schema = z.strictObject({ enabled: z.boolean().optional(), tag: z.string().min(1).optional() });

function tidyStep(settings: TidySettings): Step {
  return {
    id: 'tidy.stamp',
    run(state) {
      if (state.gherkin) state.gherkin = `@${settings.tag} ${state.gherkin}`;
    },
  };
}

/** The fake technique row. */
export const tidyTechnique: Technique<'tidy', TidySettings, z.output<typeof schema>> = {
  key: 'tidy',
  label: 'tidy',
  off: { enabled: false, tag: 'tidied' },
  schema,
  merge: (current, input) => ({ ...current, ...input }),
  isOn: (s) => s.enabled,
  switched: (base, on) => ({ ...base, enabled: on }),
  steps: (s) => [{ stage: 'revise', step: tidyStep(s) }],
};
