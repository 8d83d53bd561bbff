import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../src/knowledge/catalog.js';
import { evaluateRetrieval, loadRetrievalSet } from '../../src/knowledge/retrieval-eval.js';
import { packagePath } from '../../src/paths.js';

const catalog = defaultCatalog();

describe('the retrieval set', () => {
  const cases = loadRetrievalSet(undefined, catalog);

  it('has at least 60 requirements over at least 20 services, every method real', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.service)).size).toBeGreaterThanOrEqual(20);
    for (const c of cases)
      for (const ref of c.methods) expect(ref.startsWith(`${c.service}.`), `${c.id}: ${ref}`).toBe(true);
  });

  it('meets the quality targets: hit@5 >= 0.95 with the service, >= 0.85 without', () => {
    const withService = evaluateRetrieval(catalog, cases, { useService: true }).scores;
    expect(withService.n).toBe(cases.length);
    expect(withService.hit5).toBeGreaterThanOrEqual(0.95);
    expect(withService.hit1).toBeLessThanOrEqual(withService.hit5);
    expect(withService.hit5).toBeLessThanOrEqual(withService.hit10);
    const without = evaluateRetrieval(catalog, cases, { useService: false }).scores;
    expect(without.hit5).toBeGreaterThanOrEqual(0.85);
  }, 180_000);

  it('has a held-out set whose methods exist too', () => {
    const holdout = loadRetrievalSet(packagePath('datasets', 'retrieval', 'holdout.csv'), catalog);
    expect(holdout.length).toBeGreaterThanOrEqual(20);
    const ids = new Set(cases.map((c) => c.id));
    expect(holdout.some((c) => ids.has(c.id))).toBe(false);
  });

  it('rejects rows with a method that does not exist, naming file and line', () => {
    const file = join(tmpdir(), `gb-retrieval-${process.pid}.csv`);
    writeFileSync(
      file,
      'id,service,resource_type,requirement,methods\na,s3,,Buckets are encrypted,s3.get_bucket_encryption\nb,s3,,x,s3.get_bucket_encryptoin\n',
    );
    expect(() => loadRetrievalSet(file, catalog)).toThrow(
      `${file}:3: methods: "s3.get_bucket_encryptoin" is not a Boto3 method`,
    );
    writeFileSync(file, 'id,service,requirement\na,s3,x\n');
    expect(() => loadRetrievalSet(file, catalog)).toThrow(/resource_type: missing column/);
  });
});
