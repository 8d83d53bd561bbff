/**
 * The default writing step: one call for the gherkin. Without a plan it is the `single` call
 * (task, RAG block, few-shot block, output format); after a plan step (CoT's analysis) it is the
 * `gherkin` call, which shows that plan. The extracted gherkin goes to `state.gherkin`.
 */
import { extractGherkin } from './extract.js';
import { renderGherkinStep, renderSingle } from './prompts.js';
import type { Step } from './step.js';

/** The writer every chain ends with unless a technique brings its own `write` step. */
export const writeStep: Step = {
  id: 'write',
  async run(state, context) {
    const planned = state.analysis !== undefined;
    const { step } = await context.call(state, {
      name: planned ? 'gherkin' : 'single',
      rendered: planned
        ? renderGherkinStep(context.templates, state, state.analysis)
        : renderSingle(context.templates, state),
    });
    state.gherkin = extractGherkin(step.response);
  },
};
