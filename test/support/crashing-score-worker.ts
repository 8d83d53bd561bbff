/**
 * A score worker that dies on the candidate `CRASH` (an uncaught exception in the worker thread)
 * and otherwise is the real one: the score pool's crash handling is tested against it.
 */

import type { ScorePoolReply, ScorePoolRequest } from '../../src/run/score-pool.js';
import scoreCandidate from '../../src/run/score-worker.js';

export default function crashingScoreCandidate(request: ScorePoolRequest): Promise<ScorePoolReply> {
  if (request.candidate !== 'CRASH') return scoreCandidate(request);
  setImmediate(() => {
    throw new Error('worker died on purpose');
  });
  return new Promise(() => {});
}
