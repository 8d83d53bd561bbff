/** The generator's words: variants (prompt strategies), the chain's trace, and the candidate. */
import type { ModelParams, RetrievedPassage, Usage } from './providers/types.js';
import type { AgentRecord } from './techniques/agent.js';
import type { RepairRecord } from './techniques/repair.js';
import type { TechniqueSettings } from './techniques.js';

/** How few-shot exemplars are picked from the few-shot pool. */
export type { FewShotStrategy } from './techniques/fewshot.js';

/**
 * One prompt strategy: a name, model parameters, and each technique's settings under its key
 * (`cot`, `rag`, `fewShot`, …: see the technique table in `techniques.ts`).
 */
export type Variant = {
  /** e.g. `cot+rag+fewshot`, `baseline`. */
  name: string;
  params: ModelParams;
  /**
   * On/off per technique key, derived from the settings by the technique table when the variant
   * is built (what analysis reads; not part of the variant's hash). Absent on hand-built variants.
   */
  techniques?: Record<string, boolean>;
} & TechniqueSettings;

/** One model call of the chain, kept whole in the trace. */
export interface ChainStep {
  /** The call's name (open: `single`, `analysis`, `gherkin`, or a new step's). */
  name: string;
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
  /** The tool calls of this reply, in order, with what each tool answered (agent turns). */
  toolUses?: ToolUseRecord[];
}

/** One tool call of a model's reply and the tool's answer. */
export interface ToolUseRecord {
  toolUseId: string;
  name: string;
  input: unknown;
  /** The text the model got back. */
  result: string;
  isError: boolean;
  /** Time the tool took (ms). */
  ms: number;
}

/** Everything that led to a candidate. */
export interface Trace {
  steps: ChainStep[];
  retrieved: RetrievedPassage[];
  fewShotIds: string[];
  /** What self-repair did (variants with `repair` on). */
  repair?: RepairRecord;
  /** How the agent's tool loop went (variants with `agent` on). */
  agent?: AgentRecord;
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
