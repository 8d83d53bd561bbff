import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveProvider } from '../../../src/generation/providers/registry.js';
import type { ModelRequest } from '../../../src/generation/providers/types.js';
import { FAKE_CREDENTIALS, FAKE_MODEL_ID, type FakeBedrock, startFakeBedrock } from '../../support/fake-bedrock.js';

const request: ModelRequest = { messages: [{ role: 'user', content: 'hello' }], params: {} };
let fake: FakeBedrock;
beforeAll(async () => {
  fake = await startFakeBedrock();
});
afterAll(async () => {
  await fake.close();
});

/** The registry's Bedrock provider against the fake, with `extra` environment variables. */
function bedrock(extra: Record<string, string> = {}) {
  return resolveProvider(`bedrock:${FAKE_MODEL_ID}`, {
    env: { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.url, AWS_REGION: 'us-east-1', ...extra },
    credentials: FAKE_CREDENTIALS,
  });
}

describe('Bedrock HTTP/2 sessions', () => {
  it('shares one session across concurrent and later calls of a provider', async () => {
    const provider = await bedrock();
    const before = fake.sessionsOpened;
    const replies = await Promise.all(Array.from({ length: 6 }, () => provider.call(request)));
    await provider.call(request);
    expect(replies.map((r) => r.text)).toEqual(Array(6).fill('echo: hello'));
    expect(fake.sessionsOpened - before).toBe(1);
  });

  it('opens one session per call with GHERKIN_BENCH_BEDROCK_ISOLATED_SESSIONS=1', async () => {
    const provider = await bedrock({ GHERKIN_BENCH_BEDROCK_ISOLATED_SESSIONS: '1' });
    const before = fake.sessionsOpened;
    await Promise.all(Array.from({ length: 6 }, () => provider.call(request)));
    expect(fake.sessionsOpened - before).toBe(6);
  });
});
