/**
 * The engine: runs a plan's case grid on promptfoo's `evaluate()`. promptfoo supplies the loop,
 * concurrency and repeats; gherkin-bench supplies one promptfoo provider per variant × model whose
 * `callApi` runs the case (generation, checks, judge) and appends its record to the run store at
 * once. Cases already stored (resume) are answered from the store without any model call.
 */
import { setMaxListeners } from 'node:events';
import type { PlannedCase, RunPlan } from '../config/plan.js';
import type { Item } from '../dataset/types.js';
import { loadPromptfoo } from '../generation/providers/promptfoo-loader.js';
import type { Variant } from '../generation/types.js';
import type { CaseRunner } from './case-runner.js';
import { createManifest } from './manifest.js';
import { promptfooSetupFor } from './promptfoo.js';
import { gradeFromMetadata, notRunResponse, toPromptfooResponse } from './promptfoo-result.js';
import { assertResumable } from './resume.js';
import { RunStore } from './store.js';
import type { CaseRecord } from './types.js';

/** What happened in a run (counts over the whole run folder, resumed cases included). */
export interface RunSummaryCounts {
  runId: string;
  runDir: string;
  /** Cases in the plan. */
  planned: number;
  /** Stored cases without an error. */
  ok: number;
  /** Stored cases with an error (recorded; the run went on). */
  failed: number;
  /** Cases that were already stored when this invocation started (resume). */
  fromStore: number;
  /** Cases run by this invocation. */
  ran: number;
  /** Cases not stored yet (non-zero after an interruption). */
  remaining: number;
  interrupted: boolean;
}

/** Progress events, for the CLI's progress lines. */
export type RunEvent =
  | { type: 'start'; runId: string; runDir: string; total: number; stored: number; resumed: boolean }
  | { type: 'case'; record: CaseRecord; fromStore: boolean; done: number; total: number }
  | { type: 'warning'; message: string }
  | { type: 'end'; counts: RunSummaryCounts };

/** Options of {@link runExperiment}. */
export interface RunOptions {
  /** Abort: stop starting cases, keep what is stored, return with `interrupted: true`. */
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  /** Runs one case (default: case-runner.ts's `createCaseRunner` over the plan). Tests may wrap it. */
  runner?: CaseRunner;
  /** Clock (tests). */
  now?: () => Date;
}

/**
 * Run (or resume) a plan and store every case in `plan.runDir`. Resolves with the counts; an
 * interruption resolves too (`interrupted: true`), with every finished case kept.
 */
export async function runExperiment(plan: RunPlan, options: RunOptions = {}): Promise<RunSummaryCounts> {
  const now = options.now ?? (() => new Date());
  const emit = options.onEvent ?? (() => {});
  // promptfoo first, so its settings are in place before anything else imports it (a promptfoo
  // provider id does).
  const { promptfoo, telemetryMuted } = await loadPromptfoo(promptfooSetupFor(plan));
  if (!telemetryMuted)
    emit({
      type: 'warning',
      message: 'could not silence promptfoo\'s "telemetry disabled" event; it may try one request',
    });
  const runner = options.runner ?? (await (await import('./case-runner.js')).createCaseRunner(plan));
  const store = plan.resume
    ? await RunStore.open(plan.runDir)
    : await RunStore.create(plan.runDir, createManifest(plan, now()));
  try {
    if (plan.resume) assertResumable(plan, store.manifest);
    const total = plan.cases.length;
    const alreadyStored = plan.cases.filter((c) => store.has(c.key)).length;
    emit({ type: 'start', runId: plan.runId, runDir: plan.runDir, total, stored: alreadyStored, resumed: plan.resume });

    const byId = new Map<string, PlannedCase>(
      plan.cases.map((c) => [caseId(c.model, c.variant, c.itemId, c.repeat), c]),
    );
    const items = new Map<string, Item>(plan.items.map((i) => [i.id, i]));
    let done = alreadyStored;
    let ran = 0;
    // A user error inside a case (e.g. a replay cache miss) stops the whole run, keeping what is stored.
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    // Every call in flight listens on this signal (the SDK adds one abort listener per request):
    // above 10 cases at once Node would print a MaxListenersExceededWarning on every run.
    setMaxListeners(Math.max(10, plan.concurrency * 8), signal);
    let fatal: unknown;
    const providers = plan.models.flatMap((model) =>
      plan.variants.map((variant: Variant) => ({
        id: () => `gherkin-bench:${model}#${variant.name}`,
        label: `${variant.name} · ${model}`,
        callApi: async (_prompt: string, context?: { vars?: Record<string, unknown>; repeatIndex?: number }) => {
          const itemId = String(context?.vars?.itemId ?? '');
          const repeat = context?.repeatIndex ?? 0;
          const planned = byId.get(caseId(model, variant.name, itemId, repeat));
          const item = items.get(itemId);
          if (!planned || !item)
            return notRunResponse(
              `gherkin-bench: no planned case for ${itemId} × ${variant.name} × ${model} #${repeat}`,
            );
          const stored = store.get(planned.key);
          if (stored) return toPromptfooResponse(stored, true);
          if (signal.aborted) return notRunResponse('interrupted');
          let record: CaseRecord;
          try {
            record = await runner.run({ key: planned.key, item, variant, model, repeat, signal });
          } catch (error) {
            fatal ??= error;
            stop.abort();
            return notRunResponse((error as Error).message);
          }
          if (signal.aborted && record.error) return notRunResponse('interrupted');
          await store.append(record);
          ran++;
          done++;
          emit({ type: 'case', record, fromStore: false, done, total });
          return toPromptfooResponse(record, false);
        },
      })),
    );

    await promptfoo.evaluate(
      {
        prompts: ['{{itemId}}'],
        providers,
        tests: plan.items.map((item) => ({ description: item.id, vars: { itemId: item.id } })),
        // promptfoo's grading only feeds its own database (`npx promptfoo view`); without it the
        // assertion cost every case promptfoo's assertion and sanitising machinery for nothing.
        ...(plan.promptfooDb
          ? { defaultTest: { assert: [{ type: 'javascript' as const, value: gradeFromMetadata }] } }
          : {}),
        writeLatestResults: plan.promptfooDb,
        description: `gherkin-bench ${plan.runId}`,
      },
      {
        maxConcurrency: plan.concurrency,
        repeat: plan.repeats,
        showProgressBar: false,
        silent: true,
        cache: false,
        abortSignal: signal,
      },
    );

    const counts = countRun(plan, store, alreadyStored, ran, options.signal?.aborted ?? false);
    await store.updateManifest((m) => ({
      ...m,
      finishedAt: counts.remaining === 0 ? now().toISOString() : null,
      counts: { ok: counts.ok, failed: counts.failed, remaining: counts.remaining },
    }));
    if (fatal !== undefined) throw fatal;
    emit({ type: 'end', counts });
    return counts;
  } finally {
    await store.close();
  }
}

function caseId(model: string, variant: string, itemId: string, repeat: number): string {
  return [model, variant, itemId, String(repeat)].join('\0');
}

function countRun(
  plan: RunPlan,
  store: RunStore,
  fromStore: number,
  ran: number,
  interrupted: boolean,
): RunSummaryCounts {
  let ok = 0;
  let failed = 0;
  for (const c of plan.cases) {
    const record = store.get(c.key);
    if (!record) continue;
    if (record.error) failed++;
    else ok++;
  }
  return {
    runId: plan.runId,
    runDir: plan.runDir,
    planned: plan.cases.length,
    ok,
    failed,
    fromStore,
    ran,
    remaining: plan.cases.length - ok - failed,
    interrupted: interrupted && ok + failed < plan.cases.length,
  };
}
