/** The generator's words: variants (prompt strategies), the chain's trace, and the candidate. */
import type { ModelParams, RetrievedPassage, Usage } from './providers/types.js';

/** How few-shot exemplars are picked from the few-shot pool. */
export type FewShotStrategy = 'similar' | 'random';

/** One prompt strategy: which techniques are on, and their knobs. */
export interface Variant {
  /** e.g. `cot+rag+fewshot`, `baseline`. */
  name: string;
  /** Chain-of-thought: a two-step chain (analysis JSON, then gherkin); off = one call. */
  cot: boolean;
  rag: {
    enabled: boolean;
    /** Operations retrieved. */
    topK: number;
    /** Token budget for the RAG block. */
    tokenBudget: number;
  };
  fewShot: {
    /** Exemplars shown; 0 = off. */
    k: number;
    strategy: FewShotStrategy;
    /** Draw new exemplars for each repeat (random strategy). */
    resample: boolean;
    /** Only exemplars from other services than the item's. */
    otherServicesOnly: boolean;
  };
  params: ModelParams;
}

/** One model call of the chain, kept whole in the trace. */
export interface ChainStep {
  name: 'analysis' | 'gherkin' | 'single';
  system: string;
  prompt: string;
  response: string;
  /** Parsed structured output (step 1's analysis JSON), when there is one. */
  parsed?: unknown;
  usage: Usage;
  latencyMs: number;
  cached: boolean;
  stopReason?: string;
  modelId: string;
}

/** Everything that led to a candidate. */
export interface Trace {
  steps: ChainStep[];
  retrieved: RetrievedPassage[];
  fewShotIds: string[];
}

/** Calls, tokens, latency and money of one case (generation or judge). */
export interface CaseUsage {
  calls: number;
  tokensIn: number;
  tokensOut: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  latencyMs: number;
  /** null when the model has no price in the price table. */
  costUsd: number | null;
}

/** The generated gherkin of a case and how it was made. */
export interface Candidate {
  /** The extracted gherkin; '' when the response held none (it then fails `parse`). */
  gherkin: string;
  trace: Trace;
  usage: CaseUsage;
}
