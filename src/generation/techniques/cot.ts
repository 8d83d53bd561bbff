/**
 * Chain-of-thought: a `plan` step asks the model for a structured analysis (JSON: resources, Boto3
 * calls, insecure configurations, checks); the writer then writes the gherkin from it.
 */
import { z } from 'zod';
import { ANALYSIS_JSON_SCHEMA, parseAnalysis } from '../analysis.js';
import { renderAnalysis } from '../prompts.js';
import type { Step } from '../step.js';
import type { Technique } from '../technique.js';

/**
 * The analysis call: its trace step keeps the validated analysis as `parsed`, or
 * `{ invalid: <reason>, json: <structured reply or null> }`; the writer then gets the raw reply text.
 */
export const analysisStep: Step = {
  id: 'cot.analysis',
  async run(state, context) {
    const { step, response } = await context.call(state, {
      name: 'analysis',
      rendered: renderAnalysis(context.templates, state),
      jsonSchema: ANALYSIS_JSON_SCHEMA,
    });
    const result = parseAnalysis(response);
    step.parsed = result.ok ? result.analysis : { invalid: result.error, json: response.json ?? null };
    state.analysis = result.ok ? result.analysis : step.response;
  },
};

/** Chain-of-thought on or off. */
export const cotTechnique: Technique<'cot', boolean, boolean> = {
  key: 'cot',
  label: 'cot',
  off: false,
  schema: z.boolean(),
  merge: (_current, input) => input,
  isOn: (on) => on,
  switched: (_base, on) => on,
  steps: () => [{ stage: 'plan', step: analysisStep }],
};
