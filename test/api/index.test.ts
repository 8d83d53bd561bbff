import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { syntheticRun } from '../support/synthetic-run.js';

describe('library API', () => {
  it('exposes the pipeline end to end: dataset → offline generation → checks → summary', async () => {
    const dataset = await api.loadDataset();
    const item = dataset.items.find((i) => i.split === 'eval');
    if (!item) throw new Error('no eval item');
    const [variant] = api.ablationVariants(['cot', 'rag', 'fewShot']).filter((v) => v.name === 'cot+rag');
    if (!variant) throw new Error('no cot+rag variant');
    const outcome = await api.generateCandidate({
      item,
      variant,
      provider: api.createOfflineProvider(),
      retriever: api.createRetriever(api.defaultCatalog()),
      pool: dataset.items.filter((i) => i.split === 'fewshot'),
      seed: 1,
      repeat: 0,
    });
    expect(outcome.error).toBeNull();
    expect(outcome.trace.steps.map((s) => s.name)).toEqual(['analysis', 'gherkin']);
    const scores = api.scoreChecks(outcome.gherkin ?? '', item);
    expect(scores.find((s) => s.metric === 'parse')?.value).toBe(1);

    const { manifest, records } = syntheticRun({ items: 10 });
    expect(api.summarize(manifest, records, { resamples: 50 }).variants).toHaveLength(8);
  });
});
