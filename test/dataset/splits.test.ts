import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/load.js';
import { assignSplit, fewShotPool, splitItems } from '../../src/dataset/splits.js';
import type { Dataset, Item } from '../../src/dataset/types.js';

function item(id: string, service: string, split: Item['split'], controlId: string | null = null): Item {
  return {
    id,
    controlId,
    service,
    resourceType: 'AWS::S3::Bucket',
    category: 'logging',
    severity: 'low',
    requirement: 'r',
    methods: [],
    gold: `${id}.feature`,
    goldText: '',
    split,
  };
}

const dataset: Dataset = {
  name: 't',
  dir: '/t',
  hash: '0',
  items: [
    item('a', 's3', 'fewshot', 'S3.1'),
    item('b', 's3', 'eval', 'S3.2'),
    item('c', 'ec2', 'fewshot', 'EC2.1'),
    item('d', 'ec2', 'eval', 'EC2.1'),
    item('e', 'iam', 'fewshot'),
  ],
};

describe('splits', () => {
  it('splitItems keeps index order', () => {
    expect(splitItems(dataset, 'eval').map((i) => i.id)).toEqual(['b', 'd']);
    expect(splitItems(dataset, 'fewshot').map((i) => i.id)).toEqual(['a', 'c', 'e']);
  });

  it('fewShotPool never holds the item itself, nor an item for the same control', () => {
    for (const it of dataset.items) expect(fewShotPool(dataset, it).map((p) => p.id)).not.toContain(it.id);
    expect(fewShotPool(dataset, dataset.items[0] as Item).map((i) => i.id)).toEqual(['c', 'e']);
    // d shares EC2.1 with c: c is not d's exemplar
    expect(fewShotPool(dataset, dataset.items[3] as Item).map((i) => i.id)).toEqual(['a', 'e']);
  });

  it("fewShotPool drops a copy of the item's gold under another id", () => {
    const original = { ...(dataset.items[1] as Item), goldText: 'Feature: B' };
    const copy = { ...original, id: 'b-copy', gold: 'b-copy.feature', split: 'fewshot' as const, controlId: null };
    const withCopy: Dataset = { ...dataset, items: [...dataset.items, copy] };
    expect(fewShotPool(withCopy, original).map((i) => i.id)).toEqual(['a', 'c', 'e']);
  });

  it("otherServicesOnly drops exemplars of the item's service", () => {
    expect(fewShotPool(dataset, dataset.items[1] as Item, { otherServicesOnly: true }).map((i) => i.id)).toEqual([
      'c',
      'e',
    ]);
    expect(fewShotPool(dataset, dataset.items[1] as Item).map((i) => i.id)).toEqual(['a', 'c', 'e']);
  });

  it('assignSplit is stable and follows the share', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `rule-${i}`);
    const share = ids.filter((id) => assignSplit(id, 0.25) === 'fewshot').length / ids.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.32);
    expect(ids.map((id) => assignSplit(id, 0.25))).toEqual(ids.map((id) => assignSplit(id, 0.25)));
    expect(assignSplit('x', 0)).toBe('eval');
    expect(assignSplit('x', 1)).toBe('fewshot');
  });

  it('on the shipped set, every eval item has exemplars from other services', async () => {
    const shipped = await loadDataset();
    const evalItems = splitItems(shipped, 'eval');
    expect(evalItems.length).toBeGreaterThan(0);
    for (const it of evalItems)
      expect(fewShotPool(shipped, it, { otherServicesOnly: true }).length).toBeGreaterThanOrEqual(3);
  });

  it('on the shipped set, every category has exemplars and both splits hold items', async () => {
    const shipped = await loadDataset();
    const categories = new Set(shipped.items.map((i) => i.category));
    const pooled = new Set(splitItems(shipped, 'fewshot').map((i) => i.category));
    expect([...categories].filter((c) => !pooled.has(c))).toEqual([]);
    expect(splitItems(shipped, 'fewshot').length).toBeGreaterThan(0);
  });
});
