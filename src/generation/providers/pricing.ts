/**
 * Model prices and the cost of a call. Prices are USD per 1,000 tokens; the defaults are AWS's
 * published on-demand Bedrock prices for us-east-1 as recorded in October 2025 — check
 * https://aws.amazon.com/bedrock/pricing/ before quoting a cost, and override them in the
 * experiment file's `prices:` map (keyed by the model as the experiment names it, or the bare id).
 */
import type { ModelResponse, Usage } from './types.js';

/** Price of one model, USD per 1,000 tokens. */
export interface ModelPrice {
  input: number;
  output: number;
  /** Prompt-cache reads; default: the input price. */
  cacheRead?: number;
  /** Prompt-cache writes; default: the input price. */
  cacheWrite?: number;
}

/** Prices by model id (bare Bedrock id, provider spec, or a promptfoo id). */
export type PriceTable = Record<string, ModelPrice>;

/** The date the default prices were recorded. */
export const DEFAULT_PRICES_AS_OF = '2025-10';

/**
 * Default on-demand prices (USD / 1k tokens, us-east-1, as of {@link DEFAULT_PRICES_AS_OF};
 * check AWS pricing). Keys are bare model ids; inference-profile prefixes (`us.`, `eu.`, `apac.`,
 * `global.`) and the `bedrock:` prefix are stripped before lookup.
 */
export const DEFAULT_PRICES: PriceTable = {
  'anthropic.claude-3-haiku-20240307-v1:0': { input: 0.00025, output: 0.00125 },
  'anthropic.claude-3-5-haiku-20241022-v1:0': { input: 0.0008, output: 0.004, cacheRead: 0.00008, cacheWrite: 0.001 },
  'anthropic.claude-haiku-4-5-20251001-v1:0': { input: 0.001, output: 0.005, cacheRead: 0.0001, cacheWrite: 0.00125 },
  'anthropic.claude-3-sonnet-20240229-v1:0': { input: 0.003, output: 0.015 },
  'anthropic.claude-3-5-sonnet-20240620-v1:0': { input: 0.003, output: 0.015 },
  'anthropic.claude-3-5-sonnet-20241022-v2:0': { input: 0.003, output: 0.015 },
  'anthropic.claude-3-7-sonnet-20250219-v1:0': { input: 0.003, output: 0.015, cacheRead: 0.0003, cacheWrite: 0.00375 },
  'anthropic.claude-sonnet-4-20250514-v1:0': { input: 0.003, output: 0.015, cacheRead: 0.0003, cacheWrite: 0.00375 },
  'anthropic.claude-sonnet-4-5-20250929-v1:0': { input: 0.003, output: 0.015, cacheRead: 0.0003, cacheWrite: 0.00375 },
  'anthropic.claude-3-opus-20240229-v1:0': { input: 0.015, output: 0.075 },
  'anthropic.claude-opus-4-20250514-v1:0': { input: 0.015, output: 0.075, cacheRead: 0.0015, cacheWrite: 0.01875 },
  'anthropic.claude-opus-4-1-20250805-v1:0': { input: 0.015, output: 0.075, cacheRead: 0.0015, cacheWrite: 0.01875 },
  'meta.llama3-8b-instruct-v1:0': { input: 0.0003, output: 0.0006 },
  'meta.llama3-70b-instruct-v1:0': { input: 0.00265, output: 0.0035 },
  'meta.llama3-1-8b-instruct-v1:0': { input: 0.00022, output: 0.00022 },
  'meta.llama3-1-70b-instruct-v1:0': { input: 0.00072, output: 0.00072 },
  'meta.llama3-2-1b-instruct-v1:0': { input: 0.0001, output: 0.0001 },
  'meta.llama3-2-3b-instruct-v1:0': { input: 0.00015, output: 0.00015 },
  'meta.llama3-2-11b-instruct-v1:0': { input: 0.00016, output: 0.00016 },
  'meta.llama3-2-90b-instruct-v1:0': { input: 0.00072, output: 0.00072 },
  'meta.llama3-3-70b-instruct-v1:0': { input: 0.00072, output: 0.00072 },
  'amazon.nova-micro-v1:0': { input: 0.000035, output: 0.00014, cacheRead: 0.00000875, cacheWrite: 0 },
  'amazon.nova-lite-v1:0': { input: 0.00006, output: 0.00024, cacheRead: 0.000015, cacheWrite: 0 },
  'amazon.nova-pro-v1:0': { input: 0.0008, output: 0.0032, cacheRead: 0.0002, cacheWrite: 0 },
  'amazon.nova-premier-v1:0': { input: 0.0025, output: 0.0125, cacheRead: 0.000625, cacheWrite: 0 },
  'amazon.titan-text-lite-v1': { input: 0.00015, output: 0.0002 },
  'amazon.titan-text-express-v1': { input: 0.0002, output: 0.0006 },
  'amazon.titan-text-premier-v1:0': { input: 0.0005, output: 0.0015 },
};

/**
 * Replies from Amazon Bedrock batch inference carry their model id behind this prefix
 * (`batch:anthropic.…`), so traces say how a call was answered and its cost is the batch price.
 */
export const BATCH_MODEL_PREFIX = 'batch:';

/**
 * Batch inference price as a share of the on-demand price: AWS prices batch inference at 50% of
 * on-demand for the models that support it (https://aws.amazon.com/bedrock/pricing/, "Batch").
 */
export const BATCH_PRICE_FACTOR = 0.5;

const ZERO: ModelPrice = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };

/** The default table overlaid with the experiment's `prices:` map (its entries win). */
export function priceTable(overrides: PriceTable = {}): PriceTable {
  return { ...DEFAULT_PRICES, ...overrides };
}

/** Candidate keys for a model: as named, without `bedrock:`, without an inference-profile prefix or ARN. */
function lookupKeys(modelId: string): string[] {
  const keys = [modelId];
  let bare = modelId.startsWith('bedrock:') ? modelId.slice('bedrock:'.length) : modelId;
  keys.push(bare);
  const arn = /^arn:aws[\w-]*:bedrock:[^:]*:[^:]*:(?:inference-profile|foundation-model)\/(.+)$/.exec(bare);
  if (arn?.[1]) {
    bare = arn[1];
    keys.push(bare);
  }
  const profile = /^(?:us|eu|apac|us-gov|global|jp|au|ca)\.(.+)$/.exec(bare);
  if (profile?.[1]) keys.push(profile[1]);
  return keys;
}

/** The price of a model, or undefined when the table does not know it. Offline models cost 0. */
export function priceOf(modelId: string, table: PriceTable): ModelPrice | undefined {
  if (modelId === 'offline' || modelId.startsWith('offline:')) return ZERO;
  for (const key of lookupKeys(modelId)) {
    const price = table[key];
    if (price) return price;
  }
  return undefined;
}

/**
 * USD cost of a call's usage, or null when the model's price is unknown (offline models: 0). A
 * batch reply's model id ({@link BATCH_MODEL_PREFIX}) is priced at {@link BATCH_PRICE_FACTOR} of on demand.
 */
export function costOf(usage: Usage, modelId: string, table: PriceTable): number | null {
  if (modelId.startsWith(BATCH_MODEL_PREFIX)) {
    const onDemand = costOf(usage, modelId.slice(BATCH_MODEL_PREFIX.length), table);
    return onDemand === null ? null : Math.round(onDemand * BATCH_PRICE_FACTOR * 1e9) / 1e9;
  }
  const price = priceOf(modelId, table);
  if (!price) return null;
  const usd =
    (usage.inputTokens * price.input +
      usage.outputTokens * price.output +
      usage.cacheReadTokens * (price.cacheRead ?? price.input) +
      usage.cacheWriteTokens * (price.cacheWrite ?? price.input)) /
    1000;
  return Math.round(usd * 1e9) / 1e9;
}

/** The cost of a reply: what the call cost (`costUsd`) and what it cost now (`newSpendUsd`: 0 on a cache hit). */
export interface CallCost {
  costUsd: number | null;
  newSpendUsd: number | null;
}

/** {@link costOf} for a reply, separating recorded cost from new spend (a cache hit spends nothing). */
export function costOfResponse(response: ModelResponse, modelId: string, table: PriceTable): CallCost {
  const costUsd = costOf(response.usage, modelId, table);
  return { costUsd, newSpendUsd: response.cached ? 0 : costUsd };
}
