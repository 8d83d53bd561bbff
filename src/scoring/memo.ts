/**
 * The per-run scoring memo: values that scorers derive from an item (the gold reference) or from a
 * candidate (its API references), kept for the length of one run or re-score instead of in
 * module-level variables, so two runs in one process never share state and a test starts clean.
 */

/** One bounded store of derived values, in named spaces (e.g. `gold`, `candidate-refs`). */
export interface ScoringMemo {
  /**
   * The value under `space`/`key`, computed by `compute` on a miss. A space holds at most `limit`
   * values (default {@link DEFAULT_MEMO_LIMIT}); past that its oldest value is dropped.
   */
  remember<T>(space: string, key: string, compute: () => T, limit?: number): T;
}

/** Values one memo space keeps by default (items of a gold set, with room to spare). */
export const DEFAULT_MEMO_LIMIT = 512;

/** A new, empty memo: one per run (the case runner and `rescore` make one each). */
export function createScoringMemo(): ScoringMemo {
  const spaces = new Map<string, Map<string, unknown>>();
  return {
    remember<T>(space: string, key: string, compute: () => T, limit = DEFAULT_MEMO_LIMIT): T {
      let values = spaces.get(space);
      if (!values) {
        values = new Map();
        spaces.set(space, values);
      }
      if (values.has(key)) return values.get(key) as T;
      const value = compute();
      if (values.size >= limit) values.delete(values.keys().next().value as string);
      values.set(key, value);
      return value;
    },
  };
}

/** `memo.remember(...)` when there is a memo, else `compute()` (a check called on its own). */
export function remembered<T>(
  memo: ScoringMemo | undefined,
  space: string,
  key: string,
  compute: () => T,
  limit?: number,
): T {
  return memo ? memo.remember(space, key, compute, limit) : compute();
}
