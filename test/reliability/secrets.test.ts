/**
 * Secrets: a run made by the real CLI (child process) with fake AWS credentials, a session token
 * and API keys in its environment — generation and judge on the fake Bedrock, some calls refused,
 * promptfoo's database written, then `report`, `baseline save` and `gate` (with GitHub Actions
 * outputs) — must not leave those values in any artifact: the run folder, the call cache,
 * promptfoo's files, report and gate files, HOME, stdout or stderr.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeBedrock, reply, sampleFromSchema, startFakeBedrock } from '../support/fake-bedrock.js';
import { type ChildExit, cleanEnv, startCli } from './child-cli.js';
import { FAKE_GHERKIN } from './faulty-bedrock.js';

/** Fake secrets, each distinctive enough that any copy of it is found. */
const SECRETS = {
  AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
  AWS_SECRET_ACCESS_KEY: 'fakeSecretGherkinBench/0123456789+abcdefXYZwq',
  AWS_SESSION_TOKEN: 'FwoGZXIvYXdzEFAKESESSIONTOKENgherkinBench0123456789abcdef==',
  OPENAI_API_KEY: 'sk-fake-gherkin-bench-0123456789abcdefABCDEF',
  ANTHROPIC_API_KEY: 'sk-ant-fake-gherkin-bench-9876543210',
  PROMPTFOO_REMOTE_API_KEY: 'pf-fake-gherkin-bench-key-424242',
} as const;

/** The forms a secret could be copied in: as is, base64, URL-encoded. */
function forms(secret: string): string[] {
  return [secret, Buffer.from(secret).toString('base64').replace(/=+$/, ''), encodeURIComponent(secret)];
}

/** Every file under `dir` (following no links). */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isDirectory()) walk(path);
      else if (stat?.isFile()) out.push(path);
    }
  };
  walk(dir);
  return out;
}

describe('secrets never reach an artifact', () => {
  let fake: FakeBedrock;
  let work: string;
  let env: NodeJS.ProcessEnv;
  const outputs: { args: string[]; exit: ChildExit }[] = [];

  beforeAll(async () => {
    fake = await startFakeBedrock();
    let n = 0;
    fake.respond((request) => {
      n++;
      // A few refusals, so error messages are stored too.
      if (n % 7 === 3)
        return reply.error('AccessDeniedException', 'User is not authorized to perform bedrock:InvokeModel');
      if (n % 11 === 5)
        return reply.error('ExpiredTokenException', 'The security token included in the request is expired');
      const tool = request.body?.toolConfig?.tools?.[0]?.toolSpec;
      if (tool) return reply.tool(sampleFromSchema(tool.inputSchema?.json));
      return reply.text(`\`\`\`gherkin\n${FAKE_GHERKIN}\`\`\`\n`);
    });
    work = mkdtempSync(join(tmpdir(), 'gb-secrets-'));
    mkdirSync(join(work, 'home'));
    env = {
      ...cleanEnv(),
      ...SECRETS,
      HOME: join(work, 'home'),
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.url,
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      PROMPTFOO_CONFIG_DIR: join(work, 'promptfoo-config'),
      PROMPTFOO_DISABLE_TELEMETRY: '1',
      PROMPTFOO_DISABLE_UPDATE: '1',
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: join(work, 'step-summary.md'),
      NO_COLOR: '1',
    };
    writeFileSync(
      join(work, 'experiment.yaml'),
      [
        'name: secrets',
        'dataset: { limit: 3 }',
        'variants: [none, cot+rag]',
        'models: ["bedrock:anthropic.claude-3-5-haiku-20241022-v1:0"]',
        'judge: { model: "bedrock:amazon.nova-lite-v1:0" }',
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await fake.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function cli(args: string[]): Promise<ChildExit> {
    const exit = await startCli(args, work, env).exit;
    outputs.push({ args, exit });
    return exit;
  }

  it('run, report, baseline and gate leave no credential, token or key behind', { timeout: 180_000 }, async () => {
    const run = await cli(['run', 'experiment.yaml', '--run-id', 'secrets', '--promptfoo-db']);
    expect(run.stderr).not.toMatch(/internal error/);
    expect([0, 1]).toContain(run.code); // 1: some cases failed (refused calls), as scripted
    expect(run.stdout).toMatch(/Cases: \d+ ok, [1-9]\d* failed of 6/);
    const runDir = join(work, 'reports', 'secrets');
    expect((await cli(['report', runDir])).code).toBe(0);
    expect((await cli(['baseline', 'save', runDir, '--out', 'baseline.json'])).code).toBe(0);
    const gate = await cli([
      'gate',
      '--baseline',
      'baseline.json',
      '--run',
      runDir,
      '--junit',
      'junit.xml',
      '--markdown',
      'gate.md',
    ]);
    expect([0, 1]).toContain(gate.code);
    expect((await cli(['runs'])).code).toBe(0);
    expect(fake.calls).toBeGreaterThan(6);
    // The SDK really signed with the fake credentials (so they were in play).
    expect(fake.requests[0]?.headers.authorization).toContain(`Credential=${SECRETS.AWS_ACCESS_KEY_ID}/`);
    expect(fake.requests[0]?.headers['x-amz-security-token']).toBe(SECRETS.AWS_SESSION_TOKEN);

    // Not vacuous: the artifacts the scan must cover exist.
    const all = files(work);
    for (const expected of [
      join(runDir, 'manifest.json'),
      join(runDir, 'results.jsonl'),
      join(runDir, 'index.html'),
      join(runDir, 'results.csv'),
      join(runDir, 'summary.json'),
      join(work, 'baseline.json'),
      join(work, 'junit.xml'),
      join(work, 'gate.md'),
      join(work, 'step-summary.md'),
      join(work, 'promptfoo-config', 'promptfoo.db'),
    ])
      expect(existsSync(expected), expected).toBe(true);
    expect(all.filter((f) => f.includes(join('.cache', 'gherkin-bench', 'calls'))).length).toBeGreaterThan(3);

    const leaks: string[] = [];
    for (const file of all) {
      const bytes = readFileSync(file);
      for (const [name, secret] of Object.entries(SECRETS))
        for (const form of forms(secret)) if (bytes.includes(form)) leaks.push(`${name} in ${file}`);
    }
    for (const { args, exit } of outputs)
      for (const [name, secret] of Object.entries(SECRETS))
        for (const form of forms(secret))
          if (exit.stdout.includes(form) || exit.stderr.includes(form)) leaks.push(`${name} in output of ${args[0]}`);
    expect(leaks).toEqual([]);
    console.log(
      `secrets: scanned ${all.length} files and ${outputs.length} commands' stdout/stderr for ${Object.keys(SECRETS).length} secrets × 3 encodings: no leak`,
    );
  });
});
