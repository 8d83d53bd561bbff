/** A small judged run against a fake Bedrock (real SDK, real engine): the input of the judge and rescore tests. */
import type { RunFlags } from '../../src/config/flags.js';
import type { RunPlan } from '../../src/config/plan.js';
import { createCaseRunner } from '../../src/run/case-runner.js';
import { runExperiment } from '../../src/run/engine.js';
import { planRun } from '../../src/run/execute.js';
import { FAKE_CREDENTIALS, type FakeBedrock, reply } from '../support/fake-bedrock.js';

/** The generating model (answers with {@link JUDGED_RUN_GHERKIN}). */
export const GENERATOR = 'bedrock:anthropic.claude-3-5-haiku-20241022-v1:0';
/** The judging model (answers with every criterion 4/5 and {@link JUDGE_RATIONALE}). */
export const JUDGE = 'bedrock:anthropic.claude-3-5-sonnet-20240620-v1:0';
/** What the fake judge says about every candidate. */
export const JUDGE_RATIONALE = 'Checks DirectInternetAccess but <misses> the COMPLIANT case.';

/** The generator's reply: a parseable but incomplete control. */
export const JUDGED_RUN_GHERKIN = [
  '```gherkin',
  '@control:none @severity:high @resource:AWS::SageMaker::NotebookInstance @category:network-exposure',
  'Feature: SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS',
  '  Description: Notebook instances must not have direct internet access.',
  '  Trigger: Periodic',
  '  Reports on: AWS::SageMaker::NotebookInstance',
  '  Rule Parameters: None',
  '',
  '  Scenario: No notebook instances exist',
  '    Given "sagemaker.list_notebook_instances" returns no notebook instances',
  '    Then the rule returns NOT_APPLICABLE',
  '```',
].join('\n');

/**
 * Script `fake`: the generator writes {@link JUDGED_RUN_GHERKIN}; the judge fills its tool schema
 * with score 4 for every criterion and {@link JUDGE_RATIONALE}.
 */
export function scriptJudgedRun(fake: FakeBedrock): void {
  fake.respond((request) => {
    if (!request.body?.toolConfig)
      return reply.text(JUDGED_RUN_GHERKIN, { usage: { inputTokens: 900, outputTokens: 300 } });
    const schema = request.body.toolConfig.tools?.[0]?.toolSpec?.inputSchema?.json as
      | { properties?: { criteria?: { properties?: Record<string, unknown> } } }
      | undefined;
    const ids = Object.keys(schema?.properties?.criteria?.properties ?? {});
    const criteria = Object.fromEntries(ids.map((id) => [id, { score: 4, reason: `${id} is fine` }]));
    return reply.tool({ criteria, rationale: JUDGE_RATIONALE }, { usage: { inputTokens: 1200, outputTokens: 150 } });
  });
}

/** Plan and run `flags` in `cwd` against `fake` (scripted or not); returns the plan (its runDir holds the run). */
export async function runAgainst(fake: FakeBedrock, cwd: string, flags: RunFlags): Promise<RunPlan> {
  const plan = await planRun({
    flags,
    cwd,
    env: { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.url, AWS_REGION: 'us-east-1' },
  });
  const runner = await createCaseRunner(plan, { providerOptions: { credentials: FAKE_CREDENTIALS, maxAttempts: 1 } });
  await runExperiment(plan, { runner });
  return plan;
}
