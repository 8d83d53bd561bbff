import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { bedrockEndpointFromEnv, providerKind, resolveProvider } from '../../../src/generation/providers/registry.js';
import { FAKE_CREDENTIALS, type FakeBedrock } from '../../support/fake-bedrock.js';
import { useFakeBedrock } from '../../support/use-fake-bedrock.js';

const home = mkdtempSync(join(tmpdir(), 'gb-registry-'));
process.env.PROMPTFOO_DISABLE_TELEMETRY = '1';
process.env.PROMPTFOO_DISABLE_UPDATE = '1';
process.env.PROMPTFOO_CONFIG_DIR = join(home, 'config');
process.env.PROMPTFOO_CACHE_PATH = join(home, 'cache');

const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const request = { messages: [{ role: 'user' as const, content: 'hi' }], params: {} };

let fake: FakeBedrock;
useFakeBedrock((started) => {
  fake = started;
});

describe('provider registry', () => {
  it('classifies model specs', () => {
    expect(providerKind('offline')).toBe('offline');
    expect(providerKind('offline:reference')).toBe('offline');
    expect(providerKind(`bedrock:${MODEL}`)).toBe('bedrock');
    expect(providerKind('bedrock:us.amazon.nova-lite-v1:0')).toBe('bedrock');
    expect(providerKind('bedrock:arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.x.y-v1:0')).toBe(
      'bedrock',
    );
    expect(providerKind(`bedrock:converse:${MODEL}`)).toBe('promptfoo');
    expect(providerKind('openai:chat:gpt-4o-mini')).toBe('promptfoo');
    expect(providerKind('echo')).toBe('promptfoo');
  });

  it.each(['', ' offline', 'bedrock:', 'bedrock', 'offline:nope', 'open ai:x'])(
    'rejects the malformed spec %j',
    (spec) => {
      expect(() => providerKind(spec)).toThrow(UserError);
      expect(() => providerKind(spec)).toThrow(`model "${spec}"`);
    },
  );

  it('resolves the offline reference generator', async () => {
    const provider = await resolveProvider('offline', { env: {} });
    expect(provider.id).toMatch(/^offline/);
    // a fingerprint of its code, so the call cache never serves replies of older offline code
    expect(provider.version).toMatch(/^[0-9a-f]{16}$/);
    expect((await resolveProvider('offline:reference', { env: {} })).version).toBe(provider.version);
    const reply = await provider.call({
      messages: [{ role: 'user', content: 'r' }],
      params: {},
      context: { step: 'single', requirement: 'SageMaker notebook instances must not have direct internet access.' },
    });
    expect(reply.text).toContain('Feature:');
  });

  it('resolves bedrock:<id> with the endpoint and region from the given environment', async () => {
    const provider = await resolveProvider(`bedrock:${MODEL}`, {
      env: {
        AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.url,
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
        AWS_REGION: 'eu-central-1',
      },
      credentials: FAKE_CREDENTIALS,
    });
    expect(provider.id).toBe(`bedrock:${MODEL}`);
    await expect(provider.call(request)).resolves.toMatchObject({ text: 'echo: hi' });
    expect(fake.calls).toBe(1);
    expect(fake.requests[0]!.headers.authorization).toContain('/eu-central-1/bedrock/aws4_request');
  });

  it('falls back to AWS_ENDPOINT_URL, and ignores both when asked to', async () => {
    const provider = await resolveProvider(`bedrock:${MODEL}`, {
      env: { AWS_ENDPOINT_URL: fake.url, AWS_DEFAULT_REGION: 'us-west-2' },
      credentials: FAKE_CREDENTIALS,
    });
    await provider.call(request);
    expect(fake.calls).toBe(1);
    expect(
      bedrockEndpointFromEnv({ AWS_ENDPOINT_URL: fake.url, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }),
    ).toBeUndefined();
  });

  it('hands other ids to promptfoo, and names an unknown one', async () => {
    const echo = await resolveProvider('echo', { env: {} });
    await expect(echo.call(request)).resolves.toMatchObject({ text: '[{"role":"user","content":"hi"}]' });
    await expect(resolveProvider('nosuchvendor:model', { env: {} })).rejects.toThrow(/model "nosuchvendor:model"/);
  });
});
