/**
 * One start per turn of the event loop. Node's HTTP/2 client writes a request's frames out only
 * when the JavaScript turn that made it ends; when a burst of model replies arrives at once, the
 * cases they free would otherwise each build and send their next request in one long turn, and
 * every request of the burst would leave together at its end (measured: each call held up by the
 * CPU time of the whole burst, and the replies coming back in the same clumps, wave after wave).
 * Released one per turn, each case's request goes out before the next case's work begins.
 */

/** A queue that lets its waiters go one per event-loop turn, first come first served. */
export interface TurnQueue {
  /** Resolves in a later turn of the event loop than every waiter before it. */
  next(): Promise<void>;
}

/** A new {@link TurnQueue}. */
export function createTurnQueue(): TurnQueue {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const releaseOne = () => {
    waiting.shift()?.();
    if (waiting.length > 0) setImmediate(releaseOne);
    else scheduled = false;
  };
  return {
    next: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (!scheduled) {
          scheduled = true;
          setImmediate(releaseOne);
        }
      }),
  };
}
