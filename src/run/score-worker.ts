/**
 * The worker-thread entry of the score pool (score-pool.ts): runs the deterministic checks of the
 * scorer table on candidates sent by the main thread, with its own scoring memo. It receives the
 * run's items and check options once (workerData), then one message per case.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Item } from '../dataset/types.js';
import { createScoringMemo } from '../scoring/memo.js';
import { createCaseScorer, type ScorerId } from '../scoring/scorers.js';
import type { ScorePoolReply, ScorePoolRequest, ScoreWorkerData } from './score-pool.js';

const data = workerData as ScoreWorkerData;
const items = new Map<string, Item>(data.items.map((item) => [item.id, item]));
const scorer = createCaseScorer({ ...data.settings, judge: null }, data.ids as ScorerId[]);
const context = { memo: createScoringMemo(), judgeProvider: null };

parentPort?.on('message', async (request: ScorePoolRequest) => {
  let reply: ScorePoolReply;
  try {
    const item = items.get(request.itemId);
    if (!item) throw new Error(`score worker: no item ${request.itemId}`);
    const scoring = await scorer.score({ candidate: request.candidate, item, repeat: request.repeat }, context);
    reply = { id: request.id, scoring };
  } catch (error) {
    reply = { id: request.id, failure: (error as Error).message ?? String(error) };
  }
  parentPort?.postMessage(reply);
});
