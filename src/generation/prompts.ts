/**
 * Prompt assembly: the rendered system prompt and user message of each chain step, and the
 * {@link GenerationContext} that holds exactly what was rendered into them.
 */
import { type DraftProblem, renderProblems } from './draft-check.js';
import type { GenerationContext, RetrievedPassage } from './providers/types.js';
import type { Exemplar, TaskView } from './step.js';
import { type PromptTemplates, render } from './templates.js';

/** What a variant put in front of the model for one item. */
export interface PromptInputs {
  /** The gold-free view of the item. */
  task: TaskView;
  /** Retrieved passages (RAG on), else undefined. */
  passages?: RetrievedPassage[];
  /** Few-shot exemplars; none shown when undefined or empty. */
  exemplars?: Exemplar[];
}

/** One rendered step: what the model gets and the structured context it came from. */
export interface RenderedStep {
  system: string;
  prompt: string;
  context: GenerationContext;
}

function blocks(t: PromptTemplates, inputs: PromptInputs) {
  const { task: item } = inputs;
  const task = render(t.task, {
    requirement: item.requirement,
    service: item.service,
    resource_type: item.resourceType,
  });
  const rag = inputs.passages?.length
    ? render(t.rag, { passages: inputs.passages.map((p) => p.text).join('\n\n') })
    : '';
  const fewshot = inputs.exemplars?.length
    ? render(t.fewshot, {
        exemplars: inputs.exemplars
          .map((e) =>
            render(t['fewshot-exemplar'], { id: e.id, requirement: e.requirement, gherkin: e.gherkin.trim() }),
          )
          .join('\n\n'),
      })
    : '';
  return { task, rag, fewshot, format: render(t.format, {}) };
}

function baseContext(step: GenerationContext['step'], inputs: PromptInputs): GenerationContext {
  const ctx: GenerationContext = {
    step,
    requirement: inputs.task.requirement,
    service: inputs.task.service,
    resourceType: inputs.task.resourceType,
  };
  if (inputs.passages) ctx.passages = inputs.passages;
  return ctx;
}

function exemplarContext(exemplars: Exemplar[]): GenerationContext['exemplars'] {
  return exemplars.map((e) => ({ id: e.id, requirement: e.requirement, gherkin: e.gherkin }));
}

/** The single call of a chain without CoT: task, RAG block, few-shot block, output format. */
export function renderSingle(t: PromptTemplates, inputs: PromptInputs): RenderedStep {
  const b = blocks(t, inputs);
  const context = baseContext('single', inputs);
  if (inputs.exemplars?.length) context.exemplars = exemplarContext(inputs.exemplars);
  return { system: render(t.system, {}), prompt: render(t.single, b), context };
}

/** CoT step 1: the analysis of the task (and the RAG block). Exemplars are not shown here. */
export function renderAnalysis(t: PromptTemplates, inputs: PromptInputs): RenderedStep {
  const b = blocks(t, inputs);
  return {
    system: render(t.system, {}),
    prompt: render(t['cot-analysis'], { task: b.task, rag: b.rag }),
    context: baseContext('analysis', inputs),
  };
}

/**
 * CoT step 2: the gherkin from step 1's analysis (its parsed JSON when it validated, else its raw
 * text), with the RAG and few-shot blocks and the output format.
 */
export function renderGherkinStep(t: PromptTemplates, inputs: PromptInputs, analysis: unknown): RenderedStep {
  const b = blocks(t, inputs);
  const shown = typeof analysis === 'string' ? analysis : JSON.stringify(analysis, null, 2);
  const context = baseContext('gherkin', inputs);
  if (inputs.exemplars?.length) context.exemplars = exemplarContext(inputs.exemplars);
  context.analysis = analysis;
  return {
    system: render(t.system, {}),
    prompt: render(t['cot-gherkin'], { ...b, analysis: shown }),
    context,
  };
}

/**
 * A repair round: the task (and the RAG block, when on), the draft, the checker's problems and the
 * output format; the model answers with the whole revised gherkin.
 */
export function renderRepair(
  t: PromptTemplates,
  inputs: PromptInputs,
  draft: string,
  problems: readonly DraftProblem[],
): RenderedStep {
  const b = blocks(t, inputs);
  const context = baseContext('repair', inputs);
  context.draft = draft;
  context.problems = [...problems];
  return {
    system: render(t.system, {}),
    prompt: render(t.repair, { task: b.task, rag: b.rag, format: b.format, draft, problems: renderProblems(problems) }),
    context,
  };
}

/**
 * The agent's first message: the task, CoT's analysis (when a plan step ran), the RAG and few-shot
 * blocks (when on) and the output format, with what the tools are for.
 */
export function renderAgent(t: PromptTemplates, inputs: PromptInputs, analysis: unknown): RenderedStep {
  const b = blocks(t, inputs);
  const shown =
    analysis === undefined
      ? ''
      : `Your analysis of the requirement:\n\n\`\`\`json\n${typeof analysis === 'string' ? analysis : JSON.stringify(analysis, null, 2)}\n\`\`\``;
  const context = baseContext('agent', inputs);
  if (inputs.exemplars?.length) context.exemplars = exemplarContext(inputs.exemplars);
  if (analysis !== undefined) context.analysis = analysis;
  return { system: render(t.system, {}), prompt: render(t.agent, { ...b, analysis: shown }), context };
}
