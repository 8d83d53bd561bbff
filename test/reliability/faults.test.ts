/**
 * Faults: a small experiment (3 items × 4 variants, generation and judge on Bedrock) against the
 * fake Bedrock Runtime injecting 30% throttling, 5% 5xx, 2% timeouts and some malformed and
 * truncated bodies (seeded, per attempt), plus one item whose every call is refused. The run must
 * end with every case scored or recorded as failed with its reason, the summary must count both,
 * and the calls per logical call and per case must stay within the SDK's attempts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BEDROCK_MAX_ATTEMPTS } from '../../src/generation/providers/bedrock.js';
import { resolveProvider } from '../../src/generation/providers/registry.js';
import { createCaseRunner } from '../../src/run/case-runner.js';
import { runExperiment } from '../../src/run/engine.js';
import { planRun } from '../../src/run/execute.js';
import { readRun } from '../../src/run/store.js';
import { type FakeBedrock, startFakeBedrock } from '../support/fake-bedrock.js';
import { type CallLog, ISSUE_FAULTS, injectFaults, marking } from './faulty-bedrock.js';
import { runInProcess } from './support.js';

// Model ids of tool-using families, so structured output (CoT step 1, the judge) goes through tool use.
const GEN = 'bedrock:anthropic.claude-3-5-haiku-20241022-v1:0';
const JUDGE = 'bedrock:amazon.nova-lite-v1:0';
const TIMEOUT_MS = 1500;
const FAKE_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
  AWS_SECRET_ACCESS_KEY: 'fake/secret/for/the/fault/test/only/0000',
  AWS_EC2_METADATA_DISABLED: 'true',
};

describe('a run under injected faults', () => {
  let fake: FakeBedrock;
  let work: string;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    fake = await startFakeBedrock();
    work = mkdtempSync(join(tmpdir(), 'gb-faults-'));
    for (const [name, value] of Object.entries(FAKE_ENV)) {
      saved[name] = process.env[name];
      process.env[name] = value; // the SDK's default credential chain reads these
    }
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await fake.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('scores or records every case with its reason, counts both, and bounds the calls', {
    timeout: 300_000,
  }, async () => {
    const experiment = join(work, 'faults.yaml');
    writeFileSync(
      experiment,
      [
        'name: faults',
        'dataset: { name: security-controls, limit: 3 }',
        'variants: [none, cot, rag, cot+rag]',
        `models: ["${GEN}"]`,
        `judge: { model: "${JUDGE}" }`,
        'concurrency: 6',
        'cache: { mode: "off" }',
        '',
      ].join('\n'),
    );
    const env = { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.url, AWS_REGION: 'us-east-1' };
    const plan = await planRun({ file: experiment, flags: { out: join(work, 'reports') }, cwd: work, env });
    const refused = plan.items[1]?.requirement as string;
    const faults = injectFaults(fake, {
      seed: 'd', // a seed whose draws include every kind of fault
      rates: ISSUE_FAULTS,
      forceFailure: (request) =>
        !request.body?.toolConfig && request.rawBody.includes(JSON.stringify(refused).slice(1, -1)),
    });

    // The real registry and SDK provider (endpoint from the environment), with a short per-attempt timeout.
    const calls: CallLog = new Map();
    const providers = new Map(
      await Promise.all(
        [GEN, JUDGE].map(
          async (spec) => [spec, await resolveProvider(spec, { env: plan.env.vars, timeoutMs: TIMEOUT_MS })] as const,
        ),
      ),
    );
    const runner = await createCaseRunner(plan, {
      wrapProvider: (provider) => marking(providers.get(provider.id) ?? provider, calls),
    });
    const counts = await runExperiment(plan, { runner });

    // Every case is stored, exactly once, either scored or failed with a reason.
    expect(counts).toMatchObject({ planned: 12, remaining: 0, interrupted: false });
    expect(counts.ok + counts.failed).toBe(12);
    const run = await readRun(plan.runDir);
    expect(run.tornTail).toBe(false);
    expect(new Set(run.records.map((r) => r.key)).size).toBe(12);
    for (const record of run.records) {
      if (record.error === null) {
        expect(typeof record.candidate).toBe('string');
        // Checks and the judge, which ran on the faulty fake too.
        expect(record.scores.map((s) => s.metric)).toEqual(
          expect.arrayContaining(['parse', 'grounding', 'judge.overall']),
        );
        expect(record.usage.judge?.calls).toBeGreaterThan(0);
      } else {
        expect(['generation', 'scoring', 'judge']).toContain(record.error.stage);
        expect(record.error.message.length).toBeGreaterThan(10);
      }
    }
    const failed = run.records.filter((r) => r.error !== null);
    // The refused item fails on every variant, with Bedrock's reason on the case.
    expect(failed.filter((r) => r.itemId === plan.items[1]?.id)).toHaveLength(4);
    expect(failed.some((r) => /ValidationException/.test(r.error?.message ?? ''))).toBe(true);
    expect(counts.ok).toBeGreaterThan(0);

    // Every kind of fault really happened, and throttled calls were retried to success.
    expect(faults.injected.throttle).toBeGreaterThan(5);
    expect(faults.injected.serverError).toBeGreaterThan(0);
    expect(faults.injected.timeout).toBeGreaterThan(0);
    expect(faults.injected.malformed + faults.injected.truncated).toBeGreaterThan(0);
    expect([...faults.history.values()].some((h) => h.length > 1 && h[0] === 'throttle' && h.at(-1) === 'ok')).toBe(
      true,
    );

    // Bounded: attempts per logical call <= maxAttempts; logical generation calls per case <= chain steps.
    const attempts = [...faults.attempts.values()];
    expect(Math.max(...attempts)).toBeLessThanOrEqual(DEFAULT_BEDROCK_MAX_ATTEMPTS);
    for (const c of plan.cases) {
      const variant = plan.variants.find((v) => v.name === c.variant);
      const steps = variant?.cot ? 2 : 1;
      const logical = calls.get(c.key) ?? [];
      expect(logical.length).toBeLessThanOrEqual(steps);
      const physical = logical.reduce((sum, marker) => sum + (faults.attempts.get(marker) ?? 0), 0);
      expect(physical).toBeLessThanOrEqual(DEFAULT_BEDROCK_MAX_ATTEMPTS * steps);
    }
    // Judge: one call per scored case plus at most one repair retry each.
    const judged = run.records.filter((r) => r.error === null || r.error.stage === 'judge').length;
    expect((calls.get('judge') ?? []).length).toBeLessThanOrEqual(2 * judged);
    expect(fake.calls).toBe(attempts.reduce((a, b) => a + b, 0));

    // The summary (via the CLI's report command) counts both outcomes.
    const report = await runInProcess(['report', plan.runDir]);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(plan.runDir, 'summary.json'), 'utf8'));
    expect(summary.counts).toMatchObject({ cases: 12, ok: counts.ok, failed: counts.failed });

    const byStage = failed.reduce<Record<string, number>>((acc, r) => {
      const stage = r.error?.stage ?? '?';
      acc[stage] = (acc[stage] ?? 0) + 1;
      return acc;
    }, {});
    console.log(
      `faults: ${JSON.stringify(faults.injected)}; cases ok ${counts.ok}, failed ${counts.failed} ${JSON.stringify(byStage)}; ` +
        `fake calls ${fake.calls}; max attempts per call ${Math.max(...attempts)}`,
    );
  });
});
