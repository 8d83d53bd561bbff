/**
 * Collect mode: the Bedrock provider, seen from behind the call cache, defers what it would send.
 * A cache miss of a batchable Bedrock call does not call the model: its request is kept as a
 * pending batch record (keyed by the same cache key the reply will be stored under) and the call
 * fails with {@link DEFERRED_MESSAGE}, which ends that case's attempt for this round. Calls that
 * cannot go in a batch (tool use), or that a round sends on demand (groups below the per-job
 * minimum, records a job did not answer), call the model at once, at most once per key.
 */

import { AsyncLocalStorage } from 'node:async_hooks';
import { isBatchable } from '../../generation/providers/bedrock.js';
import { callKey } from '../../generation/providers/cache.js';
import { providerKind } from '../../generation/providers/registry.js';
import {
  type CallOptions,
  type ModelProvider,
  type ModelRequest,
  type ModelResponse,
  ProviderError,
} from '../../generation/providers/types.js';

/** The message of a deferred call (a case whose error holds it is not finished, only waiting). */
export const DEFERRED_MESSAGE = 'deferred to an Amazon Bedrock batch job';

/** A call waiting for a batch job. */
export interface PendingCall {
  key: string;
  providerId: string;
  modelId: string;
  step: string;
  repeat: number;
  request: ModelRequest;
}

/** The collector of one batch run. */
export interface Collector {
  /** Wraps each model's provider before the call cache (case-runner.ts's `wrapProvider`). */
  wrap(provider: ModelProvider, role: 'generation' | 'judge'): ModelProvider;
  /** `collect`: defer batchable misses; `final`: every miss is called on demand. */
  mode: 'collect' | 'final';
  /** Run one case's attempt, reporting whether any of its calls was deferred. */
  track<T>(attempt: () => Promise<T>): Promise<{ value: T; deferred: boolean }>;
  /** Take (and forget) the calls deferred since the last take. */
  takePending(): PendingCall[];
  /** Send these keys on demand from now on; `reason` (a batch error) is named if that fails too. */
  sendOnDemand(key: string, reason?: string): void;
  /** Keys deferred to jobs already submitted: never collected again. */
  inJob: Set<string>;
  /** Calls made on demand by this collector. */
  readonly onDemandCalls: number;
}

/** A new collector (in `collect` mode). */
export function createCollector(): Collector {
  const pending = new Map<string, PendingCall>();
  const onDemand = new Map<string, string | undefined>();
  const failedOnDemand = new Map<string, string>();
  let onDemandCalls = 0;
  const attempts = new AsyncLocalStorage<{ deferred: boolean }>();
  const collector: Collector = {
    mode: 'collect',
    inJob: new Set(),
    get onDemandCalls() {
      return onDemandCalls;
    },
    track(attempt) {
      const state = { deferred: false };
      return attempts.run(state, async () => {
        const value = await attempt();
        return { value, deferred: state.deferred };
      });
    },
    takePending() {
      const out = [...pending.values()];
      pending.clear();
      return out;
    },
    sendOnDemand(key, reason) {
      onDemand.set(key, reason);
    },
    wrap(provider, role) {
      if (!provider.id.startsWith('bedrock:') || providerKind(provider.id) !== 'bedrock') return provider;
      const modelId = provider.id.slice('bedrock:'.length);
      const callNow = async (key: string, request: ModelRequest, options?: CallOptions): Promise<ModelResponse> => {
        const earlier = failedOnDemand.get(key);
        if (earlier !== undefined) throw new ProviderError(earlier, { retryable: false });
        onDemandCalls++;
        try {
          return await provider.call(request, options);
        } catch (error) {
          const reason = onDemand.get(key);
          const message = reason ? `${reason}; on demand: ${(error as Error).message}` : (error as Error).message;
          failedOnDemand.set(key, message);
          throw new ProviderError(message, { retryable: false, cause: error });
        }
      };
      return {
        id: provider.id,
        ...(provider.version === undefined ? {} : { version: provider.version }),
        async call(request, options) {
          // withCache asked: this is a miss. The key is the one withCache stores the reply under.
          const key = callKey(provider.id, request, options, provider.version);
          if (collector.mode === 'final' || onDemand.has(key) || !isBatchable(request))
            return callNow(key, request, options);
          if (!collector.inJob.has(key))
            pending.set(key, {
              key,
              providerId: provider.id,
              modelId,
              step: role === 'judge' ? 'judge' : (request.context?.step ?? 'generation'),
              repeat: options?.repeat ?? 0,
              request,
            });
          const attempt = attempts.getStore();
          if (attempt) attempt.deferred = true;
          throw new ProviderError(DEFERRED_MESSAGE, { retryable: false });
        },
      };
    },
  };
  return collector;
}
