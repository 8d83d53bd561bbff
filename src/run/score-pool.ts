/**
 * The score pool: the deterministic checks of a run on worker threads (piscina), so that scoring
 * never holds up the main thread while it sends model requests and receives replies. Each worker
 * (score-worker.ts) gets the run's items and check options once, as piscina's `workerData`, and
 * then one task per candidate; the scores are those of in-process scoring (same scorer table,
 * same order). The queue needs no bound of its own: the engine keeps at most `concurrency` cases
 * in flight, so at most that many candidates wait here. A worker that crashes fails only the
 * case it held (its scoring error says so) and piscina starts another. Works from `dist/` (the
 * .js entry) and from source under tsx or vitest (the .ts entry, loaded with tsx's `--import`).
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
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
  itemId: string;
  candidate: string;
  repeat: number;
}

/** A worker's answer: the scoring, or why it could not score. */
export type ScorePoolReply = { scoring: CaseScoring } | { failure: string };

/** Options of {@link createScorePool}. */
export interface ScorePoolOptions {
  /** The run's items (a case names its item by id). */
  items: readonly Item[];
  /** The run's scoring settings; only its check options reach the workers. */
  settings: ScoringSettings;
  /** Worker threads (default {@link defaultScoreThreads}). */
  threads?: number;
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

/**
 * Worker threads for a run's checks when the run calls a model: one core is left to the main
 * thread (model calls, promptfoo, the store), at least one worker, at most four (the checks of
 * one candidate take about a millisecond; more threads only cost memory: each loads the service
 * models it checks against). A run whose only models are the offline generator has no model call
 * to keep waiting, so it scores on the main thread (0): a worker would load the knowledge base a
 * second time (about 250 MB more at the peak of the default run) for a tenth of its wall time.
 */
export function defaultScoreThreads(callsModels: boolean): number {
  return callsModels ? Math.min(4, Math.max(1, availableParallelism() - 1)) : 0;
}

/** A scoring error for a case the pool could not score. */
function failed(message: string): CaseScoring {
  return { scores: [], usage: null, error: { stage: 'scoring', message } };
}

/** Start a pool of score workers for a run. */
export function createScorePool(options: ScorePoolOptions): ScorePool {
  const threads = Math.max(1, options.threads ?? defaultScoreThreads(true));
  const ids = activeScorers(options.settings).filter((id) => id !== 'judge');
  const workerData: ScoreWorkerData = {
    items: [...options.items],
    settings: options.settings.checks ? { checks: options.settings.checks } : {},
    ids,
  };
  const entry = options.entry ?? defaultEntry();
  const pool = new Piscina({
    filename: entry.href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData,
    // From source (tsx, vitest) the entry is TypeScript: the workers load it through tsx (found
    // from this module, not from the working directory, which may be any folder).
    ...(entry.pathname.endsWith('.ts') ? { execArgv: ['--import', import.meta.resolve('tsx')] } : {}),
  });
  let closed = false;

  return {
    ids,
    async score({ candidate, item, repeat }) {
      if (closed) return failed('score pool closed');
      const request: ScorePoolRequest = { itemId: item.id, candidate, repeat };
      try {
        const reply = (await pool.run(request)) as ScorePoolReply;
        return 'scoring' in reply ? reply.scoring : failed(`scoring failed: ${reply.failure}`);
      } catch (error) {
        return failed(closed ? 'score pool closed' : `score worker crashed: ${(error as Error).message}`);
      }
    },
    async close() {
      closed = true;
      await pool.destroy();
    },
  };
}

/** score-worker next to this module: .js under dist/, .ts from source (tsx, vitest). */
function defaultEntry(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(fromSource ? './score-worker.ts' : './score-worker.js', import.meta.url);
}
