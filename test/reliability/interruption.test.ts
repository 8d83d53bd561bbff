/**
 * Interruption: the real CLI in a child process (node + tsx on src/cli/main.ts) against the fake
 * Bedrock Runtime with a per-call delay. SIGKILL at five seeded moments, restarting each time
 * with `run --resume <run-dir>`; then the results must be complete, with no duplicate or
 * corrupt record, and no call the CLI had received an answer for may reach the server again
 * (the call cache and the run store). SIGINT must stop cleanly, keep what is done, say how to
 * resume and exit 130.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResults } from '../../src/run/records.js';
import { type FakeBedrock, reply, sampleFromSchema, startFakeBedrock } from '../support/fake-bedrock.js';
import { type ChildExit, cleanEnv, startCli } from './child-cli.js';
import { FAKE_GHERKIN } from './faulty-bedrock.js';

const MODEL = 'bedrock:anthropic.claude-3-5-haiku-20241022-v1:0';
const DELAY_MS = 250;
/** Time the CLI may need between an answer arriving and its cache entry being on disk. */
const RECEIVE_MARGIN_MS = 750;

/** A seeded generator (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('interrupting a run', () => {
  let fake: FakeBedrock;
  let work: string;
  let env: NodeJS.ProcessEnv;
  /** Every request the fake got: its body, when it arrived and when it was answered. */
  const seen: { body: string; at: number; answeredAt: number }[] = [];

  beforeAll(async () => {
    fake = await startFakeBedrock();
    fake.respond((request) => {
      const at = Date.now();
      seen.push({ body: request.rawBody, at, answeredAt: at + DELAY_MS });
      const tool = request.body?.toolConfig?.tools?.[0]?.toolSpec;
      if (tool) return reply.tool(sampleFromSchema(tool.inputSchema?.json), { delayMs: DELAY_MS });
      return reply.text(`\`\`\`gherkin\n${FAKE_GHERKIN}\`\`\`\n`, { delayMs: DELAY_MS });
    });
    work = mkdtempSync(join(tmpdir(), 'gb-interrupt-'));
    writeFileSync(
      join(work, 'experiment.yaml'),
      [
        'name: interruption',
        'dataset: { limit: 6 }',
        'variants: [none, cot, rag, cot+rag]',
        `models: ["${MODEL}"]`,
        'concurrency: 2',
        '',
      ].join('\n'),
    );
    env = {
      ...cleanEnv(),
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
      AWS_SECRET_ACCESS_KEY: 'fake/secret/for/the/interruption/test/00',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      PROMPTFOO_DISABLE_TELEMETRY: '1',
      PROMPTFOO_DISABLE_UPDATE: '1',
      NO_COLOR: '1',
    };
  });
  afterAll(async () => {
    await fake.close();
    rmSync(work, { recursive: true, force: true });
  });

  // Without the preflight: its test call (the same body on every start) is not a case's call,
  // and a kill during it would leave no run folder to resume; test/cli/preflight.test.ts covers it.
  const start = (args: string[]) => startCli([...args, '--no-preflight'], work, env);

  /** Wait until the fake has `calls` requests or the child exits; true when the child is still running. */
  async function waitForCalls(calls: number, exit: Promise<ChildExit>): Promise<boolean> {
    let exited = false;
    void exit.then(() => {
      exited = true;
    });
    while (!exited && fake.calls < calls) await new Promise((r) => setTimeout(r, 10));
    return !exited;
  }

  it('survives five SIGKILLs: complete results, no duplicate or torn record, no answered call repeated', {
    timeout: 240_000,
  }, async () => {
    const random = seeded(8);
    const runDir = join(work, 'reports', 'killed');
    const kills: number[] = [];
    for (let k = 0; k < 5; k++) {
      const args = k === 0 ? ['run', 'experiment.yaml', '--run-id', 'killed'] : ['run', '--resume', runDir];
      const { child, exit } = start(args);
      const target = fake.calls + 1 + Math.floor(random() * 5);
      const running = await waitForCalls(target, exit);
      expect(running, `run ${k} ended before its kill moment`).toBe(true);
      await new Promise((r) => setTimeout(r, Math.floor(random() * 2 * DELAY_MS)));
      kills.push(Date.now());
      child.kill('SIGKILL');
      const ended = await exit;
      expect(ended.signal).toBe('SIGKILL');
    }
    const last = await start(['run', '--resume', runDir]).exit;
    expect(last.stderr).not.toMatch(/internal error|^\s+at /m);
    expect(last.code, last.stderr).toBe(0);
    expect(last.stdout).toContain('Cases: 24 ok, 0 failed of 24');

    // Complete, no duplicate, nothing torn: every line is a whole record of a distinct case.
    const bytes = readFileSync(join(runDir, 'results.jsonl'));
    const parsed = parseResults(bytes, 'results.jsonl');
    expect(parsed.tornTail).toBe(false);
    const lines = bytes.toString('utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(24);
    expect(new Set(parsed.records.map((r) => r.key)).size).toBe(24);
    expect(parsed.records.every((r) => r.error === null)).toBe(true);
    const manifest = JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8'));
    expect(manifest.counts).toEqual({ ok: 24, failed: 0, remaining: 0 });

    // No answered call was made again: a body sent twice must have been in flight (unanswered,
    // or answered too late to reach the cache) when a kill came.
    const byBody = new Map<string, typeof seen>();
    for (const request of seen) byBody.set(request.body, [...(byBody.get(request.body) ?? []), request]);
    const repeated = [...byBody.values()].filter((list) => list.length > 1);
    for (const list of repeated)
      for (const earlier of list.slice(0, -1))
        expect(
          // (a request may reach the server just after the kill signal was sent)
          kills.some((k) => earlier.at < k + 100 && earlier.answeredAt + RECEIVE_MARGIN_MS > k),
          'a call answered well before any kill was sent again',
        ).toBe(true);
    // Unique calls: 6 items × (none 1 + cot 2 + rag 1 + cot+rag 2) = 36; repeats only from kills.
    expect(byBody.size).toBe(36);
    expect(fake.calls - byBody.size).toBeLessThanOrEqual(5 * 2 * 2);
    console.log(
      `interruption: 5 SIGKILLs; fake calls ${fake.calls} for ${byBody.size} distinct requests ` +
        `(${fake.calls - byBody.size} re-sent, all in flight at a kill); 24/24 cases stored once`,
    );
  });

  it('SIGINT stops cleanly, keeps finished cases, says how to resume, exits 130', { timeout: 120_000 }, async () => {
    const runDir = join(work, 'reports', 'interrupted');
    const first = fake.calls;
    // A fresh cache folder, so this run makes model calls again.
    writeFileSync(
      join(work, 'sigint.yaml'),
      `${readFileSync(join(work, 'experiment.yaml'), 'utf8')}cache: { dir: .cache/sigint }\n`,
    );
    const { child, exit } = start(['run', 'sigint.yaml', '--run-id', 'interrupted']);
    expect(await waitForCalls(first + 6, exit)).toBe(true);
    child.kill('SIGINT');
    const ended = await exit;
    expect(ended.code, ended.stderr).toBe(130);
    expect(ended.stderr).toContain(`resume with: gherkin-bench run --resume reports/interrupted`);
    expect(ended.stderr).not.toMatch(/internal error|^\s+at /m);
    const parsed = parseResults(readFileSync(join(runDir, 'results.jsonl')), 'results.jsonl');
    expect(parsed.tornTail).toBe(false);
    expect(parsed.records.length).toBeGreaterThan(0);
    expect(parsed.records.length).toBeLessThan(24);
    expect(parsed.records.every((r) => r.error === null)).toBe(true);
    const stored = parsed.records.length;

    const resumed = await start(['run', '--resume', runDir]).exit;
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`Cases: 24 ok, 0 failed of 24 (${stored} from an earlier part of this run)`);
  });
});
