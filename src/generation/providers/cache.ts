/**
 * The model-call cache: content-addressed, one JSON file per answered call, written atomically.
 *
 * The key is sha256 over the provider id (and its version fingerprint, if any), the request (system prompt, the whole
 * message list with its content blocks (a lone text block keys as a plain string), tools, parameters, JSON
 * schema, cache-point flag, and the structured generation context the offline generator reads)
 * and the repeat index, so repeats are distinct samples and any change to a prompt is a miss.
 * Entries hold the request and the reply — never credentials, headers or endpoints. Errors are not
 * cached: a failed call is tried again on the next run.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomicAsync } from '../../atomic-write.js';
import { canonicalJson, sha256 } from '../../canonical-json.js';
import { UserError } from '../../errors.js';
import { keyedMessage } from './messages.js';
import type { CallOptions, ModelProvider, ModelRequest, ModelResponse } from './types.js';

/** Default cache folder, relative to the working directory. */
export const DEFAULT_CALL_CACHE_DIR = '.cache/gherkin-bench/calls';

/** Version of the entry format and key recipe; bump to invalidate every entry. */
export const CACHE_ENTRY_VERSION = 1;

/** How a provider uses the cache: read and write, read only (a miss is an error), or bypass. */
export type CacheMode = 'use' | 'replay' | 'off';

/** Counters of one cache. */
export interface CacheStats {
  hits: number;
  misses: number;
  writes: number;
}

/** One stored call. */
export interface CacheEntry {
  version: number;
  key: string;
  providerId: string;
  providerVersion?: string;
  repeat: number;
  createdAt: string;
  request: Omit<ModelRequest, 'context'> & { contextHash?: string };
  /** The reply as first received (without `cached`). */
  response: ModelResponse;
}

/** A model-call cache on disk. */
export interface CallCache {
  readonly dir: string;
  readonly stats: CacheStats;
  /** The stored entry for a key, or undefined (an unreadable entry counts as absent). */
  get(key: string): Promise<CacheEntry | undefined>;
  /** Store an entry atomically (temp file + rename). */
  put(entry: CacheEntry): Promise<void>;
}

/** The content address of a call (64 hex); `version` is the provider's fingerprint, if it has one. */
export function callKey(providerId: string, request: ModelRequest, options?: CallOptions, version?: string): string {
  return sha256(
    canonicalJson({
      v: CACHE_ENTRY_VERSION,
      provider: providerId,
      version,
      system: request.system,
      messages: request.messages.map(keyedMessage),
      tools: request.tools,
      params: request.params,
      jsonSchema: request.jsonSchema,
      cacheSystemPrompt: request.cacheSystemPrompt ?? false,
      context: request.context,
      repeat: options?.repeat ?? 0,
    }),
  );
}

/** Open (lazily create) a cache folder; entries live at `<dir>/<key[0..2]>/<key>.json`. */
export function openCallCache(dir: string = DEFAULT_CALL_CACHE_DIR): CallCache {
  const stats: CacheStats = { hits: 0, misses: 0, writes: 0 };
  const pathOf = (key: string) => join(dir, key.slice(0, 2), `${key}.json`);
  return {
    dir,
    stats,
    async get(key) {
      let text: string;
      try {
        text = await readFile(pathOf(key), 'utf8');
      } catch {
        return undefined;
      }
      try {
        const entry = JSON.parse(text) as CacheEntry;
        return entry.version === CACHE_ENTRY_VERSION && entry.key === key ? entry : undefined;
      } catch {
        return undefined;
      }
    },
    async put(entry) {
      await writeFileAtomicAsync(pathOf(entry.key), `${JSON.stringify(entry, null, 2)}\n`);
      stats.writes += 1;
    },
  };
}

function describeCall(provider: ModelProvider, request: ModelRequest, options?: CallOptions): string {
  const parts = [`model ${provider.id}`];
  if (options?.caseId) parts.push(`case ${options.caseId}`);
  if (request.context?.step) parts.push(`step ${request.context.step}`);
  parts.push(`repeat ${options?.repeat ?? 0}`);
  return parts.join(', ');
}

/**
 * Wrap a provider with the cache. `use`: answer from the cache, else call and store; `replay`:
 * answer from the cache only, a miss throws `UserError('CACHE_MISS')` naming the model and case;
 * `off`: the provider itself. A hit returns the original reply (its usage, so the recorded cost
 * is the call's) with `cached: true` (so its new spend is 0). Identical calls in flight share one
 * model call.
 */
export function withCache(provider: ModelProvider, cache: CallCache, mode: CacheMode): ModelProvider {
  if (mode === 'off') return provider;
  const inFlight = new Map<string, Promise<ModelResponse>>();

  async function answer(key: string, request: ModelRequest, options?: CallOptions): Promise<ModelResponse> {
    const entry = await cache.get(key);
    if (entry) {
      cache.stats.hits += 1;
      return { ...entry.response, cached: true };
    }
    cache.stats.misses += 1;
    if (mode === 'replay') {
      throw new UserError(
        'CACHE_MISS',
        `replay: no cached reply for ${describeCall(provider, request, options)} in ${cache.dir}; run once without --replay to record it`,
      );
    }
    const response = await provider.call(request, options);
    const { context, ...stored } = request;
    const { cached: _cached, ...original } = response;
    await cache.put({
      version: CACHE_ENTRY_VERSION,
      key,
      providerId: provider.id,
      ...(provider.version === undefined ? {} : { providerVersion: provider.version }),
      repeat: options?.repeat ?? 0,
      createdAt: new Date().toISOString(),
      request: context === undefined ? stored : { ...stored, contextHash: sha256(canonicalJson(context)) },
      response: original,
    });
    return response;
  }

  return {
    id: provider.id,
    ...(provider.version === undefined ? {} : { version: provider.version }),
    call(request, options) {
      const key = callKey(provider.id, request, options, provider.version);
      const pending = inFlight.get(key);
      if (pending) {
        // A twin of a call in flight: share its reply, spending nothing new.
        return pending.then((response) => {
          cache.stats.hits += 1;
          return { ...response, cached: true };
        });
      }
      const promise = answer(key, request, options).finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
  };
}
