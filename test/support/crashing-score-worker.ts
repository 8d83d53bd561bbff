/**
 * A score worker that dies on the candidate `CRASH` (an uncaught exception in the worker thread)
 * and otherwise is the real one: the score pool's crash handling is tested against it.
 */
import { parentPort } from 'node:worker_threads';

// Registered before the real worker's listener, so it throws before that one sees the message.
parentPort?.on('message', (request: { candidate: string }) => {
  if (request.candidate === 'CRASH') throw new Error('worker died on purpose');
});
await import('../../src/run/score-worker.js');
