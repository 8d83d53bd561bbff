/**
 * Models as an experiment names them: a plain provider id (`bedrock:…`, `openai:chat:…`,
 * `offline`) or an object `{ id, label?, config? }` whose config goes to the provider as it is
 * (promptfoo's `http` provider with `url`/`body`/`transformResponse`, an OpenAI-compatible server
 * through `apiBaseUrl`, a `file://` provider). Each becomes a {@link PlannedModel}: the name that
 * records and reports carry, the part of the case key that stands for the model, and what
 * connects it. Secrets in a config (keys named like apiKey, token, secret, password) never reach
 * a manifest or a key.
 */
import { canonicalJson, sha256 } from '../canonical-json.js';
import type { ModelEntry } from './schema.js';

/** What connecting a model needs: the provider id and its config as written. */
export interface ModelSpec {
  id: string;
  config?: Record<string, unknown>;
}

/** A model of the plan. */
export interface PlannedModel extends ModelSpec {
  /** The name records, reports and flags show: a plain id as written, else the label, else `id#hash`. */
  name: string;
  /** What stands for the model in a case key: a plain id as written; with a config, `id#<config hash>`. */
  keyPart: string;
}

/** What a redacted secret value is replaced with. */
export const REDACTED = '[redacted]';

/**
 * True for a config key that names a secret: apiKey, api_key, *token (not max_tokens),
 * *secret*, *password*, authorization, credentials.
 */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[-_]/g, '');
  return (
    k.includes('apikey') ||
    k.endsWith('token') ||
    k.includes('secret') ||
    k.includes('password') ||
    k.includes('passwd') ||
    k === 'authorization' ||
    k.includes('credential')
  );
}

/** A copy of `value` with every secret-named key's value replaced by {@link REDACTED}, at any depth. */
export function redactSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, isSecretKey(k) ? REDACTED : redactSecrets(v)]),
  ) as T;
}

/** The 12-hex hash of a config (secrets redacted first, so a rotated key keeps the cases). */
export function configHash(config: Record<string, unknown>): string {
  return sha256(canonicalJson(redactSecrets(config))).slice(0, 12);
}

/** A model entry of the experiment file as the plan uses it. */
export function planModel(entry: ModelEntry): PlannedModel {
  if (typeof entry === 'string') return { id: entry, name: entry, keyPart: entry };
  const config = entry.config && Object.keys(entry.config).length ? entry.config : undefined;
  const keyPart = config ? `${entry.id}#${configHash(config)}` : entry.id;
  return { id: entry.id, ...(config ? { config } : {}), name: entry.label ?? keyPart, keyPart };
}

/** A model entry with the secrets of its config redacted (what a manifest stores). */
export function redactModelEntry<T extends ModelEntry | undefined>(entry: T): T {
  if (entry === undefined || typeof entry === 'string' || !entry.config) return entry;
  const object: Exclude<ModelEntry, string> = entry;
  return { ...object, config: redactSecrets(object.config) } as T;
}
