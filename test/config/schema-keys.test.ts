import { describe, expect, it } from 'vitest';
import { parseExperimentText } from '../../src/config/load.js';
import { ExperimentSchema } from '../../src/config/schema.js';
import { schemaKeys } from '../../src/config/schema-keys.js';

describe('"did you mean" keys come from the experiment schema', () => {
  it('lists every field at every depth, technique knobs included', () => {
    const keys = schemaKeys(ExperimentSchema);
    for (const key of ['dataset', 'limit', 'variants', 'cot', 'rag', 'topK', 'fewShot', 'otherServicesOnly', 'params'])
      expect(keys).toContain(key);
    expect(keys).toContain('cacheRead');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('suggests a nested technique knob', () => {
    expect(() => parseExperimentText('variants:\n  - name: x\n    rag: { topk: 3 }\n', 'e.yaml')).toThrow(
      /unknown field "topk" \(did you mean topK\b/,
    );
  });
});
