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

describe('Bedrock keep-alive connections', () => {
  it('opens one connection per call in flight and re-uses them for later calls', async () => {
    const provider = await resolveProvider(`bedrock:${FAKE_MODEL_ID}`, {
      env: { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.url, AWS_REGION: 'us-east-1' },
      credentials: FAKE_CREDENTIALS,
    });
    const before = fake.connectionsOpened;
    const replies = await Promise.all(Array.from({ length: 6 }, () => provider.call(request)));
    expect(replies.map((r) => r.text)).toEqual(Array(6).fill('echo: hello'));
    expect(fake.connectionsOpened - before).toBe(6);
    // Sequential, and again six at once: every call finds a free connection.
    for (let i = 0; i < 3; i++) await provider.call(request);
    await Promise.all(Array.from({ length: 6 }, () => provider.call(request)));
    expect(fake.connectionsOpened - before).toBe(6);
    expect(fake.calls).toBe(15);
  });
});
