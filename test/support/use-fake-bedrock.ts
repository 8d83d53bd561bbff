/** One fake Bedrock Runtime per test file, with the lifecycle every such file needs. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type FakeBedrock, startFakeBedrock } from './fake-bedrock.js';

/**
 * Start a fake before the file's tests (handing it to `onStart`), reset its queues, responder and
 * counters after each test, and close it after all of them.
 */
export function useFakeBedrock(onStart: (fake: FakeBedrock) => void): void {
  let fake: FakeBedrock | undefined;
  beforeAll(async () => {
    fake = await startFakeBedrock();
    onStart(fake);
  });
  afterEach(() => fake?.reset());
  afterAll(async () => {
    await fake?.close();
  });
}
