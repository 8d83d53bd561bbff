/**
 * Real-sized candidates for the scoring benchmark: every gold gherkin of the shipped dataset
 * (scored against its own item) and the offline reference generator's output for every eval item
 * under each of the eight ablation variants (scored against the item it was written for).
 */
import { fewShotPool } from '../src/dataset/splits.js';
import type { Item } from '../src/dataset/types.js';
import { generateCandidate } from '../src/generation/chain.js';
import { resolveProvider } from '../src/generation/providers/registry.js';
import { defaultCatalog } from '../src/knowledge/catalog.js';
import { createRetriever } from '../src/knowledge/retrieval.js';
import { planRun } from '../src/run/execute.js';
import { paperVariants } from './experiment.js';

/** A text to score and the item it is scored against. */
export interface ScoringInput {
  candidate: string;
  item: Item;
  source: 'gold' | 'offline';
}

/** Gold gherkins plus offline-generator outputs (the paper's 8 variants × eval items). */
export async function realCandidates(cwd: string): Promise<ScoringInput[]> {
  const plan = await planRun({ flags: { cache: false }, cwd, env: {} });
  const inputs: ScoringInput[] = plan.dataset.items.map((item) => ({
    candidate: item.goldText,
    item,
    source: 'gold',
  }));
  const provider = await resolveProvider('offline', { env: {} });
  const retriever = createRetriever(defaultCatalog());
  for (const variant of paperVariants(plan.variants))
    for (const item of plan.items) {
      const outcome = await generateCandidate({
        item,
        variant,
        provider,
        retriever,
        pool: fewShotPool(plan.dataset, item, { otherServicesOnly: variant.fewShot.otherServicesOnly }),
        seed: plan.seed,
        repeat: 0,
      });
      if (outcome.gherkin) inputs.push({ candidate: outcome.gherkin, item, source: 'offline' });
    }
  return inputs;
}
