import { describe, expect, it } from 'vitest';
import { createTurnQueue } from '../../src/run/turns.js';

describe('turn queue', () => {
  it('lets waiters go first come first served, each in a later turn of the event loop than the one before', async () => {
    // A ticker that counts turns of the event loop (one setImmediate per turn).
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const queue = createTurnQueue();
    const released: { id: number; turn: number }[] = [];
    await Promise.all(
      [0, 1, 2, 3].map(async (id) => {
        await queue.next();
        released.push({ id, turn });
      }),
    );
    ticking = false;
    expect(released.map((r) => r.id)).toEqual([0, 1, 2, 3]);
    for (let i = 1; i < released.length; i++)
      expect(released[i]?.turn).toBeGreaterThan(released[i - 1]?.turn as number);
  });

  it('starts again after it has drained', async () => {
    const queue = createTurnQueue();
    await queue.next();
    await expect(
      Promise.race([queue.next().then(() => 'released'), new Promise((r) => setTimeout(() => r('stuck'), 200))]),
    ).resolves.toBe('released');
  });
});
