/**
 * The engine: runs a plan's case grid on promptfoo's `evaluate()`. promptfoo supplies the loop and
 * concurrency; gherkin-bench supplies one promptfoo provider per variant × model whose `callApi`
 * runs the case (generation, checks, judge) and streams its record to the run store at once. The
 * grid goes to evaluate() in chunks of one test per case, so memory does not grow with the number
 * of cases. Cases already stored (resume) are skipped without any model call.
 */
import { setMaxListeners } from 'node:events';
import type { PlannedCase, RunPlan } from '../config/plan.js';
import type { Item } from '../dataset/types.js';
import { loadPromptfoo } from '../generation/providers/promptfoo-loader.js';
import type { Variant } from '../generation/types.js';
import { type CaseRunner, type CaseTask, createCaseRunner } from './case-runner.js';
import { createManifest } from './manifest.js';
import { promptfooSetupFor } from './promptfoo.js';
import {
  caseDoneResponse,
  gradeFromMetadata,
  notRunResponse,
  type PromptfooCaseResponse,
  toPromptfooResponse,
} from './promptfoo-result.js';
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
  if (options.runner) return runWith(plan, options, options.runner);
  // The engine's own runner (its score workers) is closed when the run ends.
  const runner = await createCaseRunner(plan);
  try {
    return await runWith(plan, options, runner);
  } finally {
    await runner.close?.();
  }
}

async function runWith(plan: RunPlan, options: RunOptions, runner: CaseRunner): Promise<RunSummaryCounts> {
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
  const store = plan.resume
    ? await RunStore.open(plan.runDir)
    : await RunStore.create(plan.runDir, createManifest(plan, now()));
  try {
    if (plan.resume) assertResumable(plan, store.manifest);
    const total = plan.cases.length;
    const pending = plan.cases.filter((c) => !store.has(c.key));
    const alreadyStored = total - pending.length;
    emit({ type: 'start', runId: plan.runId, runDir: plan.runDir, total, stored: alreadyStored, resumed: plan.resume });

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
    // Cases still running: on an interruption evaluate() returns without waiting for them, and
    // the run waits for them here so that what they store is counted.
    const running = new Set<Promise<unknown>>();
    // The last append: appends are written in order, so once it settles every earlier one has.
    let lastWrite: Promise<unknown> = Promise.resolve();
    // Cases whose slot went back to promptfoo before they were scored and stored (see runCase).
    let detached = 0;
    const maxDetached = plan.concurrency;
    /** The rest of a case once it runs: the runner, then the store. Resolves with promptfoo's response. */
    const finishCase = async (task: CaseTask): Promise<CaseResponse> => {
      try {
        const record = await runner.run(task);
        if (signal.aborted && record.error) return notRunResponse('interrupted');
        // The record is handed to the store and written with the others finished meanwhile (the
        // run waits for every write before it ends). A failed write stops the run.
        const write = store.append(record).catch((error: unknown) => {
          fatal ??= error;
          stop.abort();
        });
        lastWrite = write;
        // Backpressure: cases that never wait for I/O (the offline generator's) would otherwise pile
        // their lines up faster than the disk takes them (100,000 cases: 4 GB of waiting buffers).
        if (store.waitingBytes > MAX_WAITING_BYTES) await write;
        ran++;
        done++;
        emit({ type: 'case', record, fromStore: false, done, total });
        return plan.promptfooDb ? toPromptfooResponse(record, false) : caseDoneResponse();
      } catch (error) {
        // Never rejects: a detached case has no caller left to take the error, so it stops the run.
        fatal ??= error;
        stop.abort();
        return notRunResponse((error as Error).message);
      }
    };
    /**
     * One case for promptfoo. Without --promptfoo-db the case gives its concurrency slot back as
     * soon as the runner says its model calls are done (its checks then run on the score workers
     * while the next case's model call is in flight), so scoring never holds a model call up.
     * At most `concurrency` cases are detached so at once; beyond that a case keeps its slot to the end.
     */
    const runCase = (
      model: string,
      variant: Variant,
      context?: { vars?: Record<string, unknown> },
    ): Promise<CaseResponse> => {
      const planned = pending[Number(context?.vars?.case)];
      const item = planned && items.get(planned.itemId);
      if (!planned || !item || planned.model !== model || planned.variant !== variant.name)
        return Promise.resolve(
          notRunResponse(
            `gherkin-bench: no planned case ${String(context?.vars?.case)} for ${variant.name} × ${model}`,
          ),
        );
      if (signal.aborted) return Promise.resolve(notRunResponse('interrupted'));
      const task: CaseTask = { key: planned.key, item, variant, model, repeat: planned.repeat, signal };
      // promptfoo's answer: the case's own when it ends, or an early one when it detaches (the first wins).
      let answer: (response: CaseResponse) => void = () => {};
      const answered = new Promise<CaseResponse>((resolve) => {
        answer = resolve;
      });
      let isDetached = false;
      if (!plan.promptfooDb)
        task.modelsDone = () => {
          if (isDetached || detached >= maxDetached) return;
          isDetached = true;
          detached++;
          answer(caseDoneResponse());
        };
      const finished = finishCase(task).then((response) => {
        running.delete(finished);
        if (isDetached) detached--;
        answer(response);
      });
      running.add(finished);
      return answered;
    };
    const providers = plan.models.flatMap((model) =>
      plan.variants.map((variant: Variant) => ({
        id: () => providerId(model, variant.name),
        label: `${variant.name} · ${model}`,
        callApi: (_prompt: string, context?: { vars?: Record<string, unknown> }) => runCase(model, variant, context),
      })),
    );

    // promptfoo keeps every result of an evaluate() until it returns: the cases go in chunks, so
    // a run holds at most one chunk's results whatever its size. With --promptfoo-db the run is
    // one evaluate() (one eval in promptfoo's database), and promptfoo holds all its results.
    const chunkSize = plan.promptfooDb ? Math.max(1, pending.length) : chunkCases(plan.concurrency);
    for (let start = 0; start < pending.length && !signal.aborted; start += chunkSize) {
      await promptfoo.evaluate(
        {
          // The case runner writes the prompts: promptfoo's only needs to name the case. A JSON
          // literal with one number var is rendered without a template engine (promptfoo compiles
          // every string var and a non-JSON prompt with nunjucks, per case).
          prompts: [plan.promptfooDb ? '{{itemId}}' : CASE_PROMPT],
          providers,
          // One test per case (`case`: its index in `pending`), sent to its variant × model provider only.
          tests: pending.slice(start, start + chunkSize).map((c, i) => caseTest(c, start + i, plan.promptfooDb)),
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
          repeat: 1,
          showProgressBar: false,
          silent: true,
          cache: false,
          abortSignal: signal,
        },
      );
    }

    await Promise.allSettled(running);
    await lastWrite;
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

/**
 * Bytes of finished cases' lines that may wait for the store's write in flight before a case
 * waits for it too: a bound on memory (about 440 records of the 2^5 default run, 37 KB each with
 * their traces), rarely reached by cases that call a model.
 */
const MAX_WAITING_BYTES = 16 * 1024 * 1024;

/** What a case's provider call answers promptfoo. */
type CaseResponse = PromptfooCaseResponse | ReturnType<typeof caseDoneResponse> | ReturnType<typeof notRunResponse>;

/** promptfoo's prompt of every case without --promptfoo-db: a JSON literal, so promptfoo renders no template. */
const CASE_PROMPT = '0';

/**
 * promptfoo's test for a pending case: its index in `pending`, and its variant × model provider.
 * For promptfoo's database (`npx promptfoo view`) it also names the item, repeat and key.
 */
function caseTest(
  c: PlannedCase,
  index: number,
  withIdentity: boolean,
): { description?: string; vars: Record<string, string | number>; providers: string[] } {
  const providers = [providerId(c.model, c.variant)];
  if (!withIdentity) return { vars: { case: index }, providers };
  return { description: c.itemId, vars: { case: index, itemId: c.itemId, repeat: c.repeat, key: c.key }, providers };
}

/** The promptfoo provider id of a variant × model (each case's test names it). */
function providerId(model: string, variant: string): string {
  return `gherkin-bench:${model}#${variant}`;
}

/**
 * Cases per evaluate() call: large enough that the wait for a chunk's last cases (at most one
 * call's latency with the other slots idle) costs under 1% of a chunk at that concurrency.
 */
export function chunkCases(concurrency: number): number {
  return Math.max(2000, concurrency * 64);
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
    const outcome = store.outcome(c.key);
    if (outcome === 'failed') failed++;
    else if (outcome === 'ok') ok++;
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
