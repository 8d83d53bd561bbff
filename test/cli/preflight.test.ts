/**
 * Preflight: a run whose models cannot answer stops before any case, exits 2 with one line per
 * problem and leaves no run folder; a model that answers costs one minimal, uncached call.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bedrockIdProblem, providerPrefixHint } from '../../src/generation/providers/registry.js';
import { planRun } from '../../src/run/execute.js';
import { PREFLIGHT_MAX_TOKENS, preflight } from '../../src/run/preflight.js';
import { cleanEnv, startCli } from '../reliability/child-cli.js';
import { cli } from '../support/cli.js';
import { FAKE_CREDENTIALS, type FakeBedrock, reply } from '../support/fake-bedrock.js';
import { useFakeBedrock } from '../support/use-fake-bedrock.js';

const root = mkdtempSync(join(tmpdir(), 'gb-preflight-'));
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';

let fake: FakeBedrock;
useFakeBedrock((started) => {
  fake = started;
});

/** Run folders under `out` (none when `out` was never made). */
const runFolders = (out: string) => (existsSync(out) ? readdirSync(out) : []);

describe('preflight on the command line', () => {
  it('a Bedrock id without its vendor, and a Bedrock id without "bedrock:", are refused with a hint; no run folder', async () => {
    const out = join(root, 'wrong-ids');
    const { code, stdout, stderr } = await cli([
      'run',
      '--model',
      'bedrock:claude-3-haiku',
      '--model',
      HAIKU,
      '--variant',
      'none',
      '--limit',
      '1',
      '--out',
      out,
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      `gherkin-bench: preflight: model "bedrock:claude-3-haiku" (generation): "claude-3-haiku" is not a Bedrock model id or inference profile (vendor.model-version, e.g. ${HAIKU}) (did you mean bedrock:${HAIKU}?)`,
      `gherkin-bench: preflight: model "${HAIKU}" (generation): unknown provider id; a Bedrock model is written with the "bedrock:" prefix (did you mean "bedrock:${HAIKU}"?)`,
    ]);
    expect(runFolders(out)).toEqual([]);
  });

  it('without AWS credentials, exits 2 within 5 s of the CLI starting, naming the credentials; no run folder', async () => {
    const cwd = join(root, 'no-credentials');
    const home = join(cwd, 'home');
    mkdirSync(home, { recursive: true });
    // The SDK's default chain with nothing to find: no variables, no files, no instance metadata.
    const env = {
      ...cleanEnv(),
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_REGION: 'us-east-1',
      PROMPTFOO_DISABLE_TELEMETRY: '1',
      PROMPTFOO_DISABLE_UPDATE: '1',
    };
    // What starting the CLI costs on this machine (node + tsx + imports), measured the same way.
    let started = performance.now();
    await startCli(['--version'], cwd, env).exit;
    const startup = performance.now() - started;
    started = performance.now();
    const { exit } = startCli(['run', '--model', `bedrock:${HAIKU}`, '--variant', 'none', '--limit', '1'], cwd, env);
    const result = await exit;
    const elapsed = performance.now() - started;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `gherkin-bench: preflight: model "bedrock:${HAIKU}" (generation): the test call failed: CredentialsProviderError:`,
    );
    expect(result.stderr).toContain('configure AWS credentials and region');
    expect(elapsed - startup).toBeLessThan(5000);
    expect(runFolders(join(cwd, 'reports'))).toEqual([]);
    console.info(
      `preflight without credentials: exit 2 after ${Math.round(elapsed)} ms (CLI start-up ${Math.round(startup)} ms)`,
    );
  }, 60_000);
});

describe('preflight through the real provider code', () => {
  const planFor = (model: string, flags: Record<string, unknown> = {}) =>
    planRun({
      flags: { model: [model], variant: ['none'], limit: 1, judge: `bedrock:${HAIKU}`, ...flags },
      cwd: root,
      env: { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.url, AWS_REGION: 'us-east-1' },
    });
  const options = { providerOptions: { credentials: FAKE_CREDENTIALS } };

  it('makes one minimal call per distinct model (generator and judge), not through the call cache', async () => {
    const plan = await planFor(`bedrock:${HAIKU}`);
    expect(await preflight(plan, options)).toEqual([]);
    // the generator is also the judge: one model, one call
    expect(fake.calls).toBe(1);
    expect(fake.requests[0]?.body?.inferenceConfig?.maxTokens).toBeLessThanOrEqual(PREFLIGHT_MAX_TOKENS);
    expect(await preflight(plan, options)).toEqual([]);
    expect(fake.calls).toBe(2);
    expect(existsSync(plan.runDir)).toBe(false);
  });

  it('an id Bedrock refuses is named with its role and the error, with "did you mean" for unknown ids', async () => {
    fake.enqueueFor(
      'anthropic.claude-3-haiku',
      reply.error('ValidationException', 'The provided model identifier is invalid.'),
    );
    const plan = await planFor('bedrock:anthropic.claude-3-haiku');
    expect(await preflight(plan, options)).toEqual([
      `model "bedrock:anthropic.claude-3-haiku" (generation): the test call failed: ValidationException: The provided model identifier is invalid. (HTTP 400) (did you mean bedrock:${HAIKU}?)`,
    ]);
  });

  it('makes no call in replay mode or for the offline generator', async () => {
    expect(await preflight(await planFor(`bedrock:${HAIKU}`, { replay: true }), options)).toEqual([]);
    expect(await preflight(await planFor('offline', { judge: undefined }), options)).toEqual([]);
    expect(fake.calls).toBe(0);
  });
});

describe('a judge that cannot judge', () => {
  it('--judge offline is refused before anything runs, naming judge.model', async () => {
    const out = join(root, 'offline-judge');
    const { code, stderr } = await cli(['run', '--judge', 'offline', '--limit', '1', '--no-preflight', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'gherkin-bench: <default experiment>: judge.model: "offline" is the offline reference generator: it writes controls but cannot judge them (name an LLM, e.g. bedrock:<model-id>)\n',
    );
    expect(runFolders(out)).toEqual([]);
  });
});

describe('the form of a bedrock: id', () => {
  it('accepts model ids, inference profiles, ARNs and promptfoo forms that take no model id', () => {
    for (const spec of [
      `bedrock:${HAIKU}`,
      'bedrock:us.amazon.nova-lite-v1:0',
      'bedrock:arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.x.y-v1:0',
      `bedrock:converse:${HAIKU}`,
      'bedrock:kb:ABCDEF1234',
      'openai:chat:gpt-4o-mini',
    ])
      expect(bedrockIdProblem(spec), spec).toBeNull();
  });

  it('refuses a model name without its vendor, in our form and promptfoo’s, naming the known ids it resembles', () => {
    expect(bedrockIdProblem('bedrock:converse:claude-3-haiku')).toContain(`(did you mean bedrock:${HAIKU}?)`);
    expect(bedrockIdProblem('bedrock:nova-lite-v1:0')).toContain('(did you mean bedrock:amazon.nova-lite-v1:0?)');
    expect(bedrockIdProblem('bedrock:claude-3-5-sonet-20240620-v1:0')).toContain(
      'bedrock:anthropic.claude-3-5-sonnet-20240620-v1:0',
    );
  });
});

describe('a model written without its provider prefix', () => {
  it('names the promptfoo id it probably means', async () => {
    expect(providerPrefixHint('gpt-4o-mini')).toBe(' (did you mean "openai:chat:gpt-4o-mini"?)');
    expect(providerPrefixHint('llama3.1:8b')).toBe(' (did you mean "ollama:chat:llama3.1:8b"?)');
    expect(providerPrefixHint('openai:chat:gpt-4o-mini')).toBe('');
    expect(providerPrefixHint('nosuchthing')).toBe('');
    const out = join(root, 'no-prefix');
    const { code, stderr } = await cli([
      'run',
      '--model',
      'gpt-4o-mini',
      '--variant',
      'none',
      '--limit',
      '1',
      '--out',
      out,
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^gherkin-bench: preflight: model "gpt-4o-mini" \(generation\): promptfoo cannot load this provider id \(.*\) \(did you mean "openai:chat:gpt-4o-mini"\?\)\n$/,
    );
    expect(runFolders(out)).toEqual([]);
  });
});
