/**
 * Models with a provider configuration, end to end through `run`: promptfoo's real `http`
 * provider and its `openai:chat:` provider (with `apiBaseUrl`) against a local OpenAI-compatible
 * server on 127.0.0.1; and failed cases grouped by reason on the console.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupFailures, MAX_REASON_LENGTH, normaliseReason } from '../../src/experiment/failures.js';
import type { CaseRecord } from '../../src/run/types.js';
import { JUDGED_RUN_GHERKIN } from '../scoring/judged-run.js';
import { cli } from '../support/cli.js';
import { chatCompletion, type LocalChatServer, startLocalChatServer } from '../support/local-chat-server.js';

const root = mkdtempSync(join(tmpdir(), 'gb-providers-'));
process.env.PROMPTFOO_DISABLE_TELEMETRY = '1';
process.env.PROMPTFOO_DISABLE_UPDATE = '1';

let server: LocalChatServer;
beforeAll(async () => {
  server = await startLocalChatServer();
});
afterAll(async () => {
  await server.close();
});

const SECRET = 'sk-test-secret-not-real';

/** An experiment file in a fresh folder (its own out and cache folders); returns its path and out folder. */
function experiment(name: string, models: string): { file: string; out: string } {
  const dir = join(root, name);
  const out = join(dir, 'runs');
  const file = join(root, `${name}.yaml`);
  writeFileSync(
    file,
    `models:\n${models}\nvariants: [none]\ndataset: { limit: 2 }\nout: ${out}\ncache: { dir: ${join(dir, 'cache')} }\n`,
  );
  return { file, out };
}

const httpModel = (label: string) => `  - id: http
    label: ${label}
    config:
      url: URL/v1/chat/completions
      method: POST
      headers: { content-type: application/json, Authorization: "Bearer ${SECRET}" }
      body: { model: tiny, messages: "{{prompt}}" }
      transformResponse: json.choices[0].message.content`;

describe('models with a provider configuration', () => {
  it('runs the http provider and an OpenAI-compatible server end to end, shows labels, records no secret', async () => {
    server.bodies.length = 0;
    server.reply = () => ({ status: 200, json: chatCompletion(JUDGED_RUN_GHERKIN, 'tiny') });
    const models = `${httpModel('local-http').replaceAll('URL', server.url)}
  - id: openai:chat:tiny
    label: local-openai
    config: { apiBaseUrl: "${server.url}/v1", apiKey: ${SECRET} }`;
    const { file, out } = experiment('round-trip', models);
    const { code, stdout, stderr } = await cli(['run', file]);
    expect(stderr).not.toMatch(/failed/);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^none · local-http {2,}100%/m);
    expect(stdout).toMatch(/^none · local-openai {2,}100%/m);

    // two preflight calls (one per model; the OpenAI one asks for at most 8 tokens), then 2 × 2 cases
    expect(server.bodies).toHaveLength(2 + 4);
    expect(server.bodies.every((b) => b.path === '/v1/chat/completions' && b.model === 'tiny')).toBe(true);
    expect(server.bodies.filter((b) => (b.max_tokens as number) <= 8)).toHaveLength(1);
    const caseCalls = server.bodies.filter((b) => JSON.stringify(b.messages).includes('security'));
    expect(caseCalls).toHaveLength(4);

    const [runId] = readdirSync(out);
    const runDir = join(out, runId as string);
    const records = readFileSync(join(runDir, 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.model).sort()).toEqual(['local-http', 'local-http', 'local-openai', 'local-openai']);
    expect(records.every((r) => r.error === null && r.candidate.includes('Feature:'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8'));
    expect(manifest.models).toEqual(['local-http', 'local-openai']);
    expect(manifest.config.models[0]).toMatchObject({
      id: 'http',
      label: 'local-http',
      config: { headers: { Authorization: '[redacted]' }, body: { messages: '{{prompt}}' } },
    });
    expect(manifest.config.models[1].config.apiKey).toBe('[redacted]');
    for (const name of readdirSync(runDir))
      expect(readFileSync(join(runDir, name), 'utf8'), name).not.toContain(SECRET);

    // The manifest's (redacted) models give the same case keys: a resume finds every case stored
    // and calls the server only for the preflight.
    const calls = server.bodies.length;
    const resumed = await cli(['run', '--resume', runDir]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('Cases: 4 ok, 0 failed of 4 (4 from an earlier part of this run)');
    expect(server.bodies.length).toBe(calls + 2);
  }, 60_000);

  it('failed cases are grouped by reason on stderr with an example case, exit 1; --json carries them', async () => {
    server.reply = () => ({ status: 400, json: { error: { message: 'model "tiny" is not loaded' } } });
    const { file, out } = experiment('failing', httpModel('broken').replaceAll('URL', server.url));
    const run = await cli(['run', file, '--no-preflight']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Cases: 0 ok, 2 failed of 2');
    const lines = run.stderr.split('\n');
    const at = lines.indexOf('gherkin-bench: 2 failed cases, by reason:');
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toMatch(/^ {5}2 × generation: single: http: .*is not loaded/);
    expect(lines[at + 1]?.length).toBe('     2 × generation: '.length + MAX_REASON_LENGTH);
    expect(lines[at + 2]).toMatch(/^ {9}e\.g\. \S+ · none · broken · repeat 0 \(case [0-9a-f]{16}\)$/);

    const json = await cli(['run', file, '--no-preflight', '--json']);
    expect(json.code).toBe(1);
    const result = JSON.parse(json.stdout);
    expect(result.failures).toEqual([
      expect.objectContaining({ stage: 'generation', count: 2, example: expect.objectContaining({ model: 'broken' }) }),
    ]);
    expect(readdirSync(out)).toHaveLength(2);

    // With preflight (the default) the same run stops before any case: exit 2, no new run folder.
    const checked = await cli(['run', file]);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toMatch(
      /^gherkin-bench: preflight: model "broken" \(generation\): the test call failed: .*400/m,
    );
    expect(readdirSync(out)).toHaveLength(2);
  }, 60_000);

  it('an unknown provider id is one line naming the entry', async () => {
    const { file, out } = experiment('unknown', '  - { id: "nosuchprovider:x", label: nope }');
    const { code, stderr } = await cli(['run', file]);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^gherkin-bench: preflight: model "nope" \(generation\): promptfoo cannot load this provider id/,
      ),
    ]);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('grouping failures by reason', () => {
  const record = (key: string, message: string, stage: 'generation' | 'judge' = 'generation') =>
    ({ key, itemId: `item-${key}`, variant: 'none', model: 'm', repeat: 0, error: { stage, message } }) as CaseRecord;

  it('one group per stage and reason, request ids, attempts and durations left out, most frequent first', () => {
    const groups = groupFailures([
      record('a', 'bedrock:x: timed out (no reply within 180000 ms) after 6 attempts'),
      record('b', 'bedrock:x: ThrottlingException: slow down (request 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b)\nstack'),
      record('c', 'bedrock:x: timed out (no reply within 180000 ms) after 5 attempts'),
      record('d', 'bedrock:x: ThrottlingException: slow down (request 11111111-2222-3333-4444-555555555555)'),
      record('e', 'bedrock:x: ThrottlingException: slow down (request 11111111-2222-3333-4444-555555555555)'),
      record('f', 'judge: no JSON', 'judge'),
      { ...record('g', ''), error: null },
    ]);
    expect(groups.map((g) => [g.count, g.stage, g.reason, g.example.key])).toEqual([
      [3, 'generation', 'bedrock:x: ThrottlingException: slow down (request <id>)', 'b'],
      [2, 'generation', 'bedrock:x: timed out (no reply within N ms) after N attempts', 'a'],
      [1, 'judge', 'judge: no JSON', 'f'],
    ]);
    expect(normaliseReason('HTTP 429 for case abcdef0123456789')).toBe('HTTP 429 for case <id>');
    expect(normaliseReason('"date":"Sun, 06 Dec 2026 19:42:57 GMT","latencyMs":9 at 2026-12-06T19:42:57.123Z')).toBe(
      '"date":"<date>","latencyMs":N at <date>',
    );
    expect(normaliseReason('x'.repeat(1000))).toHaveLength(MAX_REASON_LENGTH);
  });
});
