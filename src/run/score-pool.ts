/**
 * The score pool: the deterministic checks of a run on worker threads, so that scoring and
 * storing never hold up the main thread, which then only sends model requests and receives
 * replies. Each worker (score-worker.ts) gets the run's items and check options once and then one
 * message per candidate; the scores are those of in-process scoring (same scorer table, same
 * order). The pool keeps a bounded number of candidates in flight per worker and in its queue
 * (callers wait for room). A worker that crashes fails only the cases it held (their scoring
 * error says so) and is replaced. Works from `dist/` (the .js entry) and from source under tsx or
 * vitest (the .ts entry is loaded through tsx).
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Item } from '../dataset/types.js';
import type { ScoringSettings } from '../scoring/scorer.js';
import { activeScorers, type CaseScoring } from '../scoring/scorers.js';

/** What a worker is started with. */
export interface ScoreWorkerData {
  items: Item[];
  /** The check options (the judge never runs in a worker). */
  settings: Omit<ScoringSettings, 'judge'>;
  /** The scorer ids it runs, in table order. */
  ids: string[];
}

/** One candidate to score, main thread → worker. */
export interface ScorePoolRequest {
  id: number;
  itemId: string;
  candidate: string;
  repeat: number;
}

/** A worker's answer: the scoring, or why it could not score. */
export type ScorePoolReply = { id: number; scoring: CaseScoring } | { id: number; failure: string };

/** Options of {@link createScorePool}. */
export interface ScorePoolOptions {
  /** The run's items (a case names its item by id). */
  items: readonly Item[];
  /** The run's scoring settings; only its check options reach the workers. */
  settings: ScoringSettings;
  /** Worker threads (default {@link defaultScoreThreads}). */
  threads?: number;
  /** Candidates queued beyond those in the workers before `score()` waits (default 256). */
  maxQueue?: number;
  /** The worker entry (default score-worker next to this module; tests pass a faulty one). */
  entry?: URL;
}

/** Scores candidates on worker threads. */
export interface ScorePool {
  /** The scorer ids the workers run (every enabled deterministic check, in table order). */
  readonly ids: readonly string[];
  /** The deterministic checks of one candidate. Never rejects: a crash is the case's scoring error. */
  score(input: { candidate: string; item: Item; repeat: number }): Promise<CaseScoring>;
  /** Stop the workers (cases still queued resolve with a scoring error). */
  close(): Promise<void>;
}

/** Candidates one worker holds at once (one scoring, one waiting in its message queue). */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * Worker threads for a run's checks: one core is left to the main thread (model calls, promptfoo,
 * the store), at least one worker, at most four (the checks of one candidate take about a
 * millisecond; more threads only cost memory: each loads the service models it checks against).
 */
export function defaultScoreThreads(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

interface Task {
  request: ScorePoolRequest;
  resolve: (scoring: CaseScoring) => void;
}

interface Slot {
  worker: Worker;
  busy: Map<number, Task>;
}

/** A scoring error for a case the pool could not score. */
function failed(message: string): CaseScoring {
  return { scores: [], usage: null, error: { stage: 'scoring', message } };
}

/** Start a pool of score workers for a run. */
export function createScorePool(options: ScorePoolOptions): ScorePool {
  const threads = Math.max(1, options.threads ?? defaultScoreThreads());
  const maxQueue = Math.max(1, options.maxQueue ?? 256);
  const ids = activeScorers(options.settings).filter((id) => id !== 'judge');
  const data: ScoreWorkerData = {
    items: [...options.items],
    settings: options.settings.checks ? { checks: options.settings.checks } : {},
    ids,
  };
  const entry = options.entry ?? defaultEntry();
  const queue: Task[] = [];
  const roomWaiters: (() => void)[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;

  const start = (): Slot => {
    const slot: Slot = { worker: spawnWorker(entry, data), busy: new Map() };
    slot.worker.unref();
    slot.worker.on('message', (reply: ScorePoolReply) => {
      const task = slot.busy.get(reply.id);
      if (!task) return;
      slot.busy.delete(reply.id);
      task.resolve('scoring' in reply ? reply.scoring : failed(`scoring failed: ${reply.failure}`));
      dispatch();
    });
    const lost = (why: string) => {
      const index = slots.indexOf(slot);
      if (index < 0) return;
      slots.splice(index, 1);
      for (const task of slot.busy.values()) task.resolve(failed(`score worker ${why}`));
      slot.busy.clear();
      if (!closed) slots.push(start());
      dispatch();
    };
    slot.worker.on('error', (error) => lost(`crashed: ${error.message}`));
    slot.worker.on('exit', (code) => lost(`exited (code ${code}) while scoring`));
    return slot;
  };

  const dispatch = () => {
    for (const slot of slots) {
      while (queue.length > 0 && slot.busy.size < IN_FLIGHT_PER_WORKER) {
        const task = queue.shift() as Task;
        slot.busy.set(task.request.id, task);
        slot.worker.postMessage(task.request);
      }
      // A worker with work keeps the process alive; an idle one does not.
      if (slot.busy.size > 0) slot.worker.ref();
      else slot.worker.unref();
    }
    while (roomWaiters.length > 0 && queue.length < maxQueue) roomWaiters.shift()?.();
  };

  for (let i = 0; i < threads; i++) slots.push(start());

  return {
    ids,
    async score({ candidate, item, repeat }) {
      while (queue.length >= maxQueue && !closed) await new Promise<void>((resolve) => roomWaiters.push(resolve));
      if (closed) return failed('score pool closed');
      return new Promise<CaseScoring>((resolve) => {
        queue.push({ request: { id: nextId++, itemId: item.id, candidate, repeat }, resolve });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.resolve(failed('score pool closed'));
      for (const wake of roomWaiters.splice(0)) wake();
      const stopping = slots.splice(0);
      for (const slot of stopping) for (const task of slot.busy.values()) task.resolve(failed('score pool closed'));
      await Promise.all(stopping.map((slot) => slot.worker.terminate()));
    },
  };
}

/** score-worker next to this module: .js under dist/, .ts from source (tsx, vitest). */
function defaultEntry(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(fromSource ? './score-worker.ts' : './score-worker.js', import.meta.url);
}

/** A worker running `entry`; a TypeScript entry is imported through tsx's loader API. */
function spawnWorker(entry: URL, data: ScoreWorkerData): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: data });
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  const source = `const { tsImport } = await import(${JSON.stringify(tsx)});\nawait tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)});\n`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), { workerData: data });
}
