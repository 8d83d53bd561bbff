/** Runs through the real SDK against a fake Bedrock Runtime: one fake and one working folder per test file. */
import { afterAll, beforeAll } from 'vitest';
import type { RunFlags } from '../../src/config/flags.js';
import { createCaseRunner } from '../../src/run/case-runner.js';
import { runExperiment } from '../../src/run/engine.js';
import { planRun } from '../../src/run/execute.js';
import { FAKE_CREDENTIALS, type FakeBedrock, type FakeResponder, startFakeBedrock } from '../support/fake-bedrock.js';
import { useTempDirs } from './temp-dirs.js';

/** What a test file gets: the fake (once started) and a way to plan and run an experiment against it. */
export interface FakeBedrockRuns {
  fake(): FakeBedrock;
  run(
    flags: RunFlags,
  ): Promise<{ plan: Awaited<ReturnType<typeof planRun>>; counts: Awaited<ReturnType<typeof runExperiment>> }>;
}

/**
 * Call at the top of a test file: starts a fake answering with `responder` and a temporary working
 * folder before the tests, closes the fake after them. Runs use the fake's endpoint and region
 * us-east-1, fake credentials and at most 2 attempts per call.
 */
export function useFakeBedrockRuns(prefix: string, responder: FakeResponder): FakeBedrockRuns {
  const newTempDir = useTempDirs(prefix);
  let fake: FakeBedrock | undefined;
  let cwd = '';
  beforeAll(async () => {
    fake = await startFakeBedrock();
    fake.respond(responder);
    cwd = await newTempDir();
  });
  afterAll(async () => {
    await fake?.close();
  });
  const started = (): FakeBedrock => {
    if (!fake) throw new Error('the fake Bedrock is not started yet');
    return fake;
  };
  return {
    fake: started,
    async run(flags) {
      const plan = await planRun({
        flags,
        cwd,
        env: { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: started().url, AWS_REGION: 'us-east-1' },
      });
      const runner = await createCaseRunner(plan, {
        providerOptions: { credentials: FAKE_CREDENTIALS, maxAttempts: 2 },
      });
      return { plan, counts: await runExperiment(plan, { runner }) };
    },
  };
}
