/** Retrieval-augmented generation: a `gather` step retrieves Boto3 API passages for the requirement. */
import { z } from 'zod';
import type { Step } from '../step.js';
import { switchedByEnabled, type Technique } from '../technique.js';

/** RAG's settings in a variant. */
export interface RagSettings {
  enabled: boolean;
  /** Operations retrieved. */
  topK: number;
  /** Token budget for the RAG block. */
  tokenBudget: number;
}

const schema = z.strictObject({
  enabled: z.boolean().optional(),
  topK: z.int().min(1).max(50).optional(),
  tokenBudget: z.int().min(50).max(100_000).optional(),
});

/** The retrieval step: passages for the requirement, narrowed by service and resource type. */
export function retrievalStep(settings: RagSettings): Step {
  return {
    id: 'rag.retrieve',
    run(state, context) {
      if (!context.retriever) throw new Error('RAG is on but generateCandidate got no retriever');
      const hits = context.retriever.retrieve(state.task.requirement, {
        service: state.task.service,
        resourceType: state.task.resourceType,
        k: settings.topK,
      });
      state.passages = context.retriever.renderPassages(hits, settings.tokenBudget);
    },
  };
}

/** RAG on or off, with its knobs. */
export const ragTechnique: Technique<'rag', RagSettings, z.output<typeof schema>> = {
  key: 'rag',
  label: 'rag',
  off: { enabled: false, topK: 5, tokenBudget: 1500 },
  schema,
  ...switchedByEnabled(),
  needsRetriever: (s) => s.enabled,
  steps: (s) => [{ stage: 'gather', step: retrievalStep(s) }],
};
