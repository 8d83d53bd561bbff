/**
 * The worker-thread entry of the score pool (score-pool.ts, piscina): runs the deterministic
 * checks of the scorer table on one candidate per task, with this worker's own scoring memo. The
 * run's items and check options arrive once, as piscina's `workerData`.
 */
import { workerData } from 'piscina';
import type { Item } from '../dataset/types.js';
import { createScoringMemo } from '../scoring/memo.js';
import { createCaseScorer, type ScorerId } from '../scoring/scorers.js';
import type { ScorePoolReply, ScorePoolRequest, ScoreWorkerData } from './score-pool.js';

const data = workerData as ScoreWorkerData;
const items = new Map<string, Item>(data.items.map((item) => [item.id, item]));
const scorer = createCaseScorer({ ...data.settings, judge: null }, data.ids as ScorerId[]);
const context = { memo: createScoringMemo(), judgeProvider: null };

/** Score one candidate; a scorer's error is the reply's `failure`, never a crash of the worker. */
export default async function scoreCandidate(request: ScorePoolRequest): Promise<ScorePoolReply> {
  try {
    const item = items.get(request.itemId);
    if (!item) throw new Error(`score worker: no item ${request.itemId}`);
    return { scoring: await scorer.score({ candidate: request.candidate, item, repeat: request.repeat }, context) };
  } catch (error) {
    return { failure: (error as Error).message ?? String(error) };
  }
}
