import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogIndex, catalogServiceIndex, defaultIndexCache, serviceIndex } from '../../src/knowledge/api-index.js';
import { openBotocoreSource } from '../../src/knowledge/botocore-source.js';
import { createCatalog, defaultCatalog } from '../../src/knowledge/catalog.js';

const services = ['kms', 'sqs'];

describe('catalog index cache', () => {
  it('writes the index once and loads it in a later process (a fresh catalog) with the same results', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gb-index-cache-'));
    writeFileSync(join(dir, 'api-index-old-v0-x-2-abc.json'), '{}');
    const built = catalogIndex(createCatalog(openBotocoreSource()), services, dir);
    const files = readdirSync(dir).filter((f) => f.startsWith('api-index-'));
    expect(files).toHaveLength(2);
    const fresh = createCatalog(openBotocoreSource());
    const loaded = catalogIndex(fresh, services, dir);
    expect(loaded).not.toBe(built);
    expect(loaded.documentCount).toBe(built.documentCount);
    const ids = (index: typeof built) =>
      index
        .search('key rotation')
        .slice(0, 5)
        .map((r) => r.id);
    expect(ids(loaded)).toEqual(ids(built));
    expect(catalogIndex(fresh, services, dir)).toBe(loaded); // in memory from now on
  });

  it('rebuilds over a damaged cache file and caches only the pinned models', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gb-index-cache-'));
    catalogIndex(createCatalog(openBotocoreSource()), ['sqs'], dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file as string), '{"not": "an index"');
    const rebuilt = catalogIndex(createCatalog(openBotocoreSource()), ['sqs'], dir);
    expect(rebuilt.documentCount).toBe(defaultCatalog().service('sqs').operations().length);
    expect(defaultIndexCache(defaultCatalog())).toMatch(/node_modules[\\/]\.cache[\\/]gherkin-bench$/);
    const fake = { ...defaultCatalog(), version: 'test' };
    expect(defaultIndexCache(fake)).toBe(false);
    expect(serviceIndex(defaultCatalog().service('sqs')).documentCount).toBe(rebuilt.documentCount);
  });

  it('keeps the service index beside it, built once and loaded by a later process with the same ranking', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gb-index-cache-'));
    const built = catalogServiceIndex(createCatalog(openBotocoreSource()), services, dir);
    expect(readdirSync(dir).filter((f) => f.startsWith('service-index-'))).toHaveLength(1);
    const fresh = createCatalog(openBotocoreSource());
    const loaded = catalogServiceIndex(fresh, services, dir);
    expect(loaded).not.toBe(built);
    const ids = (index: typeof built) => index.search('queue key').map((r) => r.id);
    expect(ids(loaded)).toEqual(ids(built));
    expect(loaded.search('simple queue')[0]?.id).toBe('sqs');
    expect(loaded.search('key management')[0]?.id).toBe('kms');
    expect(catalogServiceIndex(fresh, services, dir)).toBe(loaded);
  });
});
