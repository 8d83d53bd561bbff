/**
 * The batch benchmark's stand-ins as their own process, so their work does not share the measured
 * process: s3rver, the fake Bedrock Runtime (one short gherkin for every call) and the control-plane
 * stand-in. Prints one JSON line `{ s3, bucket, runtime, plane }` when listening; on stdin `stats`
 * prints `{ jobs, createCalls, recordsAnswered, jobMs }`; on `close` (or end of stdin) exits.
 */
import { reply, startFakeBedrock } from '../test/support/fake-bedrock.js';
import { startFakeBedrockBatch } from '../test/support/fake-bedrock-batch.js';
import { startLocalS3 } from '../test/support/local-s3.js';
import { controlFromStdin } from './stdin-control.js';

const s3 = await startLocalS3();
const runtime = await startFakeBedrock();
const gherkin = reply.text('```gherkin\nFeature: NOTEBOOK\n  Scenario: x\n    Then the rule returns COMPLIANT\n```');
runtime.respond(() => {
  runtime.requests.length = 0; // no request log: this process only serves
  return gherkin;
});
const plane = await startFakeBedrockBatch({ s3Endpoint: s3.url, runtimeEndpoint: runtime.url, shuffle: true });
process.stdout.write(`${JSON.stringify({ s3: s3.url, bucket: s3.bucket, runtime: runtime.url, plane: plane.url })}\n`);

controlFromStdin({
  answers: {
    stats: () =>
      JSON.stringify({
        jobs: plane.jobs.length,
        createCalls: plane.createCalls,
        recordsAnswered: plane.recordsAnswered,
        jobMs: plane.jobMs,
      }),
  },
  close: async () => {
    await plane.close();
    await runtime.close();
    await s3.close();
  },
});
