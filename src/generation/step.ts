/**
 * Generation as steps: a case's generation is a list of named steps run in order over one
 * {@link CaseState}. A step sees a gold-free view of the item ({@link TaskView}), what earlier
 * steps put in the state, and a {@link StepContext} with the model, the retriever, the few-shot
 * pool and a `call` that records every model call in the trace. Step ids are open strings: a new
 * technique brings its own steps (see `techniques.ts`).
 */
import type { Item } from '../dataset/types.js';
import type { Retriever } from '../knowledge/retrieval.js';
import type { RenderedStep } from './prompts.js';
import type {
  ModelMessage,
  ModelParams,
  ModelProvider,
  ModelRequest,
  ModelResponse,
  RetrievedPassage,
  ToolSpec,
} from './providers/types.js';
import type { AgentRecord } from './techniques/agent.js';
import type { RepairRecord } from './techniques/repair.js';
import type { PromptTemplates } from './templates.js';
import type { ChainStep } from './types.js';

/** What a step may know of the item: never its gold gherkin, methods or category. */
export interface TaskView {
  id: string;
  requirement: string;
  service: string;
  resourceType: string;
}

/** The gold-free view of an item. */
export function taskView(item: Item): TaskView {
  return { id: item.id, requirement: item.requirement, service: item.service, resourceType: item.resourceType };
}

/** A few-shot exemplar as prompts show it (another item's requirement and gold gherkin). */
export interface Exemplar {
  id: string;
  requirement: string;
  gherkin: string;
}

/** The state of one case's generation, filled in by its steps. */
export interface CaseState {
  readonly task: TaskView;
  /** Few-shot exemplars ([] when few-shot is off). */
  exemplars: Exemplar[];
  /** Retrieved passages; undefined when retrieval is off. */
  passages?: RetrievedPassage[];
  /** A plan for the writer (CoT's analysis: validated JSON, or the raw reply text); undefined when none. */
  analysis?: unknown;
  /** The extracted gherkin once a writing step has run. */
  gherkin?: string;
  /** What the repair step did, when it ran. */
  repair?: RepairRecord;
  /** How the agent's tool loop went, when it ran. */
  agent?: AgentRecord;
  /** Every model call so far, in order. */
  readonly calls: ChainStep[];
}

/** One model call as a step asks for it. */
export interface StepCall {
  /** The call's name in the trace and in errors (`single`, `analysis`, …). */
  name: string;
  rendered: RenderedStep;
  /** Structured output (see `ModelRequest.jsonSchema`). */
  jsonSchema?: ModelRequest['jsonSchema'];
  /**
   * The conversation so far, for a turn of a multi-turn step (the agent); without it the request
   * is one user message, `rendered.prompt`. `rendered.prompt` is what the trace shows as the prompt.
   */
  messages?: ModelMessage[];
  /** Tools the model may call on this turn. */
  tools?: ToolSpec[];
}

/** What steps may use besides the state. */
export interface StepContext {
  readonly templates: PromptTemplates;
  readonly params: ModelParams;
  readonly seed: number;
  readonly repeat: number;
  /** The few-shot pool (other items; the case's own item is never chosen). */
  readonly pool: readonly Item[];
  /** Set when the variant retrieves. */
  readonly retriever?: Retriever;
  readonly provider: ModelProvider;
  /**
   * Call the model and append the call to `state.calls`; a provider failure rejects with a
   * {@link CallFailure} naming the call (the chain records it as the case's error).
   */
  call(state: CaseState, request: StepCall): Promise<{ step: ChainStep; response: ModelResponse }>;
}

/** One step of a chain. */
export interface Step {
  /** An open id, e.g. `fewshot.select`, `rag.retrieve`, `cot.analysis`, `write`. */
  readonly id: string;
  run(state: CaseState, context: StepContext): Promise<void> | void;
}

/**
 * Where a step runs in the chain: `gather` (exemplars, passages), `plan` (e.g. CoT's analysis),
 * `write` (the gherkin; the default writer runs when no technique brings one), `revise` (after
 * writing, e.g. repair with checker feedback).
 */
export const STAGES = ['gather', 'plan', 'write', 'revise'] as const;
/** One stage. */
export type Stage = (typeof STAGES)[number];

/** A step and its stage. */
export interface StagedStep {
  stage: Stage;
  step: Step;
}

/** A model call failed; `call` names it (`<call>: <message>` is the case's error). */
export class CallFailure extends Error {
  readonly call: string;
  constructor(call: string, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'CallFailure';
    this.call = call;
  }
}
