import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunFlags } from '../../src/config/flags.js';
import type { RunPlan } from '../../src/config/plan.js';
import { UserError } from '../../src/errors.js';
import { loadPromptfoo } from '../../src/generation/providers/promptfoo-loader.js';
import { type ModelProvider, ProviderError } from '../../src/generation/providers/types.js';
import { packageRoot } from '../../src/paths.js';
import { createCaseRunner } from '../../src/run/case-runner.js';
import { runExperiment } from '../../src/run/engine.js';
import { planRun } from '../../src/run/execute.js';
import { readRun } from '../../src/run/store.js';
import { watchRemoteConnections } from '../support/remote-connections.js';
import { useTempDirs } from './temp-dirs.js';

/** The promptfoo version npm installed (the manifest must record that one, whatever it is). */
function installedPromptfooVersion(): string {
  return (
    JSON.parse(readFileSync(join(packageRoot(), 'node_modules', 'promptfoo', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
}

const newTempDir = useTempDirs('gb-engine-');

/** This checkout's commit, or null outside git. */
function headCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: packageRoot(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

/** The real offline provider, counting the calls that reach it (below the call cache). */
function counting(
  counter: { calls: number },
  fail?: (itemRequirement: string) => boolean,
): (p: ModelProvider) => ModelProvider {
  return (provider) => ({
    id: provider.id,
    ...(provider.version === undefined ? {} : { version: provider.version }),
    call: async (request, options) => {
      counter.calls++;
      const requirement = request.context?.requirement ?? '';
      if (fail?.(requirement))
        throw new ProviderError('ThrottlingException: rate exceeded', { retryable: true, status: 429 });
      return provider.call(request, options);
    },
  });
}

async function small(flags: RunFlags = {}): Promise<{ plan: RunPlan; cwd: string }> {
  const cwd = await newTempDir();
  const plan = await planRun({ flags: { limit: 2, variant: ['none', 'cot+rag+fewshot'], ...flags }, cwd, env: {} });
  return { plan, cwd };
}

describe('the engine on promptfoo evaluate()', () => {
  it('runs every case once, stores it with its identity, and makes no network request', async () => {
    const { plan } = await small({ repeats: 2, noCache: undefined, cache: false } as RunFlags);
    expect(plan.cases).toHaveLength(2 * 2 * 2);
    const counter = { calls: 0 };
    const connections = watchRemoteConnections();
    const runner = await createCaseRunner(plan, { wrapProvider: counting(counter) });
    const commitBefore = headCommit();
    const counts = await runExperiment(plan, { runner });
    expect(connections.stop()).toEqual([]);
    expect(counts).toMatchObject({
      planned: 8,
      ok: 8,
      failed: 0,
      ran: 8,
      fromStore: 0,
      remaining: 0,
      interrupted: false,
    });
    // none: 1 call per case; cot+rag+fewshot: 2 (analysis, gherkin)
    expect(counter.calls).toBe(2 * 2 * 1 + 2 * 2 * 2);

    const run = await readRun(plan.runDir);
    expect(run.records.map((r) => r.key).sort()).toEqual(plan.cases.map((c) => c.key).sort());
    for (const r of run.records) {
      const planned = plan.cases.find((c) => c.key === r.key);
      expect({ itemId: r.itemId, variant: r.variant, model: r.model, repeat: r.repeat }).toEqual({
        itemId: planned?.itemId,
        variant: planned?.variant,
        model: planned?.model,
        repeat: planned?.repeat,
      });
      expect(r.scores.map((s) => s.metric)).toContain('grounding');
    }
    expect(run.manifest.cases).toBe(8);
    expect(run.manifest.finishedAt).not.toBeNull();
    expect(run.manifest.counts).toEqual({ ok: 8, failed: 0, remaining: 0 });
    expect(run.manifest.versions.promptfoo).toBe(installedPromptfooVersion());
    expect(run.manifest.versions.botocoreModels).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run.manifest.dataset.hash).toBe(plan.dataset.hash);
    expect(run.manifest.items.map((i) => i.id)).toEqual(plan.items.map((i) => i.id));
    expect(run.manifest.hashes.prompts).toMatch(/^[0-9a-f]{64}$/);
    expect([commitBefore, headCommit()]).toContain(run.manifest.git.commit);
    expect(typeof run.manifest.git.dirty).toBe(run.manifest.git.commit ? 'boolean' : 'object');
    expect((await loadPromptfoo({ configDir: '', cachePath: '' })).telemetryMuted).toBe(true);
  });

  it('resumes without any model call for stored cases', async () => {
    const { plan, cwd } = await small({ cache: false });
    const first = { calls: 0 };
    await runExperiment(plan, { runner: await createCaseRunner(plan, { wrapProvider: counting(first) }) });
    expect(first.calls).toBeGreaterThan(0);

    const resumed = await planRun({ flags: { resume: plan.runDir }, cwd, env: {} });
    expect(resumed.resume).toBe(true);
    expect(resumed.cases.map((c) => c.key)).toEqual(plan.cases.map((c) => c.key));
    const second = { calls: 0 };
    const counts = await runExperiment(resumed, {
      runner: await createCaseRunner(resumed, { wrapProvider: counting(second) }),
    });
    expect(second.calls).toBe(0);
    expect(counts).toMatchObject({ fromStore: 4, ran: 0, ok: 4, remaining: 0 });
    expect((await readRun(plan.runDir)).records).toHaveLength(4);
  });

  it('stops cleanly on abort, keeps finished cases, and a resume runs only the rest', async () => {
    const { plan, cwd } = await small({ cache: false, concurrency: 1, repeats: 2 });
    const controller = new AbortController();
    const counts = await runExperiment(plan, {
      runner: await createCaseRunner(plan),
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'case' && event.done === 3) controller.abort();
      },
    });
    expect(counts.interrupted).toBe(true);
    expect(counts.ok + counts.failed).toBeGreaterThanOrEqual(3);
    expect(counts.remaining).toBeGreaterThan(0);
    const partial = await readRun(plan.runDir);
    expect(partial.manifest.finishedAt).toBeNull();
    expect(partial.records.every((r) => r.error === null)).toBe(true);

    const resumed = await planRun({ flags: { resume: plan.runDir }, cwd, env: {} });
    const counter = { calls: 0 };
    const rest = await runExperiment(resumed, {
      runner: await createCaseRunner(resumed, { wrapProvider: counting(counter) }),
    });
    expect(rest).toMatchObject({ ok: 8, remaining: 0, interrupted: false, fromStore: partial.records.length });
    expect(rest.ran).toBe(8 - partial.records.length);
    const all = await readRun(plan.runDir);
    expect(new Set(all.records.map((r) => r.key)).size).toBe(8);
    expect(all.records).toHaveLength(8);
  });

  it('records a provider error on its case and finishes the run', async () => {
    const { plan } = await small({ cache: false });
    const victim = plan.items[0];
    const runner = await createCaseRunner(plan, {
      wrapProvider: counting({ calls: 0 }, (requirement) => requirement === victim?.requirement),
    });
    const counts = await runExperiment(plan, { runner });
    expect(counts).toMatchObject({ planned: 4, ok: 2, failed: 2, remaining: 0, interrupted: false });
    const run = await readRun(plan.runDir);
    const failed = run.records.filter((r) => r.error !== null);
    expect(failed.map((r) => r.itemId)).toEqual([victim?.id, victim?.id]);
    for (const r of failed) {
      expect(r.error?.stage).toBe('generation');
      expect(r.error?.message).toMatch(/ThrottlingException/);
      expect(r.candidate).toBeNull();
    }
    expect(run.manifest.counts).toEqual({ ok: 2, failed: 2, remaining: 0 });
  });

  it('stops a replay on a cache miss with a clear error, storing nothing for it', async () => {
    const { plan } = await small({ replay: true });
    let caught: unknown;
    try {
      await runExperiment(plan);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).code).toBe('CACHE_MISS');
    expect((await readRun(plan.runDir)).records).toHaveLength(0);
  });

  it('refuses flags that would change a resumed run', async () => {
    await expect(
      planRun({ flags: { resume: '/nowhere', model: ['offline'] }, env: {}, cwd: process.cwd() }),
    ).rejects.toThrow(/--model cannot be combined with --resume/);
    await expect(planRun({ flags: { resume: '/nowhere' }, env: {}, cwd: process.cwd() })).rejects.toThrow(
      /not a run folder/,
    );
  });
});
