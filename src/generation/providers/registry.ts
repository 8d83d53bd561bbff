/**
 * From a model as an experiment names it to a {@link ModelProvider}:
 *
 * - `offline` / `offline:reference` → the offline reference generator (no model, no network);
 * - `bedrock:<model id | inference profile id | ARN>` → Amazon Bedrock Converse (our client);
 *   a Bedrock model id always has a dot before any colon (`anthropic.claude-…`, `us.amazon.nova-…`),
 *   so promptfoo's own `bedrock:converse:…`, `bedrock:kb:…` ids still go to promptfoo;
 * - anything else → promptfoo's provider loader (`openai:…`, `anthropic:…`, `ollama:…`, `http`, `echo`),
 *   with the model's config (`apiBaseUrl`, `url`/`body`/`transformResponse`, …) when it has one.
 *
 * A Bedrock model id written without `bedrock:` (`anthropic.claude-…`) is refused with that hint;
 * {@link bedrockIdProblem} tells a `bedrock:` id that cannot name a Bedrock model, with "did you
 * mean" against {@link KNOWN_BEDROCK_MODELS}.
 *
 * The environment is data here (passed in by config/CLI): the Bedrock endpoint comes from
 * `AWS_ENDPOINT_URL_BEDROCK_RUNTIME`, else `AWS_ENDPOINT_URL` (unless
 * `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true`), the region from `AWS_REGION` / `AWS_DEFAULT_REGION`,
 * the profile from `AWS_PROFILE`; credentials stay with the SDK's default chain.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../errors.js';
import { closest } from '../../knowledge/suggest.js';
import { type BedrockProviderOptions, createBedrockProvider } from './bedrock.js';
import { DEFAULT_PRICES } from './pricing.js';
import type { ModelProvider } from './types.js';

/** Options of {@link resolveProvider}. */
export interface ResolveProviderOptions {
  /** The environment variables to honour (not read from `process.env` here). */
  env: Readonly<Record<string, string | undefined>>;
  /** Per-call (per-attempt on Bedrock) timeout in ms. */
  timeoutMs?: number;
  /** Bedrock attempts including the first. */
  maxAttempts?: number;
  /** Bedrock credentials (tests); default: the SDK's default credential chain. */
  credentials?: BedrockProviderOptions['credentials'];
  /** The model's provider config (e.g. `apiBaseUrl`, `url`/`body` for `http`), for promptfoo ids only. */
  promptfooConfig?: Record<string, unknown>;
}

/** The offline generator's spellings. */
export const OFFLINE_SPECS: readonly string[] = ['offline', 'offline:reference'];

/** What kind of provider a spec names, or a reason it is malformed. */
export type ProviderKind = 'offline' | 'bedrock' | 'promptfoo';

/** Classify a model spec; throws a {@link UserError} naming the spec when it is malformed. */
export function providerKind(spec: string): ProviderKind {
  if (spec !== spec.trim() || spec === '' || /\s/.test(spec)) {
    throw new UserError(
      'BAD_INPUT',
      `model "${spec}": a model is written without spaces, e.g. "bedrock:<model-id>", "offline" or a promptfoo provider id`,
    );
  }
  if (OFFLINE_SPECS.includes(spec)) return 'offline';
  if (BEDROCK_ID_FORM.test(spec))
    throw new UserError(
      'BAD_INPUT',
      `model "${spec}": unknown provider id; a Bedrock model is written with the "bedrock:" prefix (did you mean "bedrock:${spec}"?)`,
    );
  if (spec.startsWith('offline:')) {
    throw new UserError(
      'BAD_INPUT',
      `model "${spec}": unknown offline generator (use "offline" or "offline:reference")`,
    );
  }
  if (spec === 'bedrock' || spec === 'bedrock:') {
    throw new UserError(
      'BAD_INPUT',
      `model "${spec}": name the Bedrock model, e.g. "bedrock:anthropic.claude-3-5-haiku-20241022-v1:0"`,
    );
  }
  if (spec.startsWith('bedrock:')) {
    const rest = spec.slice('bedrock:'.length);
    if (rest.startsWith('arn:') || (rest.split(':')[0] ?? '').includes('.')) return 'bedrock';
  }
  return 'promptfoo';
}

/**
 * The Bedrock model ids gherkin-bench knows: those of the default price table (AWS's published
 * on-demand Bedrock prices, https://aws.amazon.com/bedrock/pricing/, recorded in pricing.ts).
 * Used for "did you mean"; an id outside it is still tried (AWS adds models often).
 */
export const KNOWN_BEDROCK_MODELS: readonly string[] = Object.keys(DEFAULT_PRICES);

/** Vendor prefixes of Bedrock model ids (`anthropic.`, `amazon.`, …), optionally behind an inference-profile prefix. */
const BEDROCK_ID_FORM =
  /^(?:(?:us|eu|apac|us-gov|global|jp|au|ca)\.)?(?:anthropic|amazon|meta|mistral|cohere|ai21|deepseek|qwen|writer|openai|stability|twelvelabs|luma)\.[a-z0-9]/;

/** promptfoo's Bedrock forms that take a model id after their prefix (`bedrock:converse:<model-id>`). */
const PROMPTFOO_BEDROCK_MODEL_FORMS = ['converse:', 'completion:', 'messages:'];

/**
 * Why a `bedrock:` spec cannot name a Bedrock model, or null when it can (an id of the
 * `vendor.model` form, an inference profile `us.vendor.model` or an ARN; promptfoo's other Bedrock
 * forms such as `bedrock:kb:` are not checked). Names the known ids it most resembles.
 */
export function bedrockIdProblem(spec: string): string | null {
  if (!spec.startsWith('bedrock:')) return null;
  let rest = spec.slice('bedrock:'.length);
  const form = PROMPTFOO_BEDROCK_MODEL_FORMS.find((prefix) => rest.startsWith(prefix));
  if (form) rest = rest.slice(form.length);
  else if (/^[a-z-]+:/.test(rest)) return null;
  if (rest.startsWith('arn:') || BEDROCK_ID_FORM.test(rest)) return null;
  return `model "${spec}": "${rest}" is not a Bedrock model id or inference profile (vendor.model-version, e.g. ${KNOWN_BEDROCK_MODELS[0]})${bedrockDidYouMean(rest)}`;
}

/** " (did you mean bedrock:a, bedrock:b?)" from the known Bedrock ids that contain or resemble `name`, or "". */
export function bedrockDidYouMean(name: string): string {
  const bare = name.replace(/^(?:us|eu|apac|us-gov|global|jp|au|ca)\./, '').toLowerCase();
  const containing = KNOWN_BEDROCK_MODELS.filter((id) => id.toLowerCase().includes(bare)).sort(
    (a, b) => a.length - b.length || a.localeCompare(b),
  );
  const near = containing.length
    ? containing.slice(0, 3)
    : closest(
        bare,
        KNOWN_BEDROCK_MODELS.map((id) => id.slice(id.indexOf('.') + 1)),
      ).map((tail) => KNOWN_BEDROCK_MODELS.find((id) => id.endsWith(`.${tail}`)) ?? tail);
  return near.length ? ` (did you mean ${near.map((id) => `bedrock:${id}`).join(', ')}?)` : '';
}

/** Provider prefixes for model names written without one (`gpt-4o` → `openai:chat:gpt-4o`). */
const PREFIX_HINTS: readonly [RegExp, (id: string) => string][] = [
  [/^(gpt-|o\d|chatgpt-)/, (id) => `openai:chat:${id}`],
  [/^claude-/, (id) => `anthropic:messages:${id}`],
  [/^gemini-/, (id) => `google:${id}`],
  [/^(llama|mistral|qwen|phi|gemma|deepseek)/i, (id) => `ollama:chat:${id}`],
];

/**
 * " (did you mean …?)" for a model written without its provider prefix (`gpt-4o`, `claude-…`,
 * `llama3.1:8b`), or "" when the id has one or looks like nothing known.
 */
export function providerPrefixHint(id: string): string {
  if (/^[a-z-]+:/.test(id) && !/^(llama|mistral|qwen|phi|gemma|deepseek)/i.test(id)) return '';
  const hint = PREFIX_HINTS.find(([pattern]) => pattern.test(id));
  return hint ? ` (did you mean "${hint[1](id)}"?)` : '';
}

/**
 * A fingerprint of the offline generator's code (sha256 of its `offline*` modules and the analysis
 * schema it writes), so a cached offline reply is never served after that code changed.
 */
export async function offlineVersion(): Promise<string> {
  offlineVersionMemo ??= (async () => {
    const here = fileURLToPath(new URL('.', import.meta.url));
    const files = (await readdir(here)).filter((name) => /^offline.*\.(ts|js)$/.test(name) && !name.endsWith('.d.ts'));
    const hash = createHash('sha256');
    for (const path of [
      ...files.sort().map((name) => join(here, name)),
      ...(await siblings(join(here, '..'), 'analysis')),
    ]) {
      hash
        .update(path.slice(path.lastIndexOf('/') + 1))
        .update('\0')
        .update(await readFile(path))
        .update('\0');
    }
    return hash.digest('hex').slice(0, 16);
  })();
  return offlineVersionMemo;
}

let offlineVersionMemo: Promise<string> | undefined;

async function siblings(dir: string, stem: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((name) => name === `${stem}.ts` || name === `${stem}.js`).map((name) => join(dir, name));
}

/** The Bedrock endpoint override an environment asks for, if any. */
export function bedrockEndpointFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true') return undefined;
  return env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME || env.AWS_ENDPOINT_URL || undefined;
}

/**
 * Resolve a model spec to a provider. Unknown or malformed specs throw a {@link UserError} naming
 * the spec (a promptfoo id promptfoo cannot load included).
 */
export async function resolveProvider(spec: string, options: ResolveProviderOptions): Promise<ModelProvider> {
  const kind = providerKind(spec);
  if (kind !== 'promptfoo' && options.promptfooConfig !== undefined)
    throw new UserError(
      'BAD_INPUT',
      `model "${spec}": a config is passed to promptfoo provider ids only (gherkin-bench's Bedrock client and the offline generator take none; for promptfoo's Bedrock provider write "bedrock:converse:<model-id>")`,
    );
  if (kind === 'offline') {
    const { createOfflineProvider } = await import('./offline.js');
    const offline = createOfflineProvider();
    return {
      id: offline.id,
      version: await offlineVersion(),
      call: (request, callOptions) => offline.call(request, callOptions),
    };
  }
  if (kind === 'bedrock') {
    const { env } = options;
    const endpoint = bedrockEndpointFromEnv(env);
    const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
    return createBedrockProvider({
      modelId: spec.slice('bedrock:'.length),
      ...(region === undefined ? {} : { region }),
      ...(endpoint === undefined ? {} : { endpoint }),
      ...(env.AWS_PROFILE ? { profile: env.AWS_PROFILE } : {}),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
      ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    });
  }
  const { createPromptfooProvider } = await import('./promptfoo.js');
  return createPromptfooProvider({
    providerId: spec,
    env: { ...options.env },
    ...(options.promptfooConfig === undefined ? {} : { config: options.promptfooConfig }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
}
