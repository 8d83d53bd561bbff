import { cp, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/load.js';
import { isUserError } from '../../src/errors.js';

const fixture = (name: string) => join('test', 'fixtures', 'dataset', name);

async function loadError(dir: string): Promise<string> {
  try {
    await loadDataset(dir);
  } catch (error) {
    expect(isUserError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error(`expected ${dir} to fail to load`);
}

describe('loadDataset', () => {
  it('loads items with every column mapped, methods split on |, gold text read', async () => {
    const dataset = await loadDataset(fixture('good'));
    expect(dataset.name).toBe('good');
    expect(dataset.items.map((i) => i.id)).toEqual([
      'sagemaker-notebook-no-direct-internet',
      's3-bucket-default-encryption-kms',
      'cloudtrail-multi-region',
    ]);
    const [first] = dataset.items;
    expect(first).toMatchObject({
      controlId: 'SageMaker.2',
      service: 'sagemaker',
      resourceType: 'AWS::SageMaker::NotebookInstance',
      category: 'network-exposure',
      severity: 'high',
      methods: ['sagemaker.list_notebook_instances', 'sagemaker.describe_notebook_instance'],
      gold: 'sagemaker-notebook-no-direct-internet.feature',
      split: 'eval',
    });
    expect(first?.requirement).toContain("customer's VPC, never directly");
    expect(first?.goldText).toContain('Feature: SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS');
    expect(dataset.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the index and the gold files: editing a gold changes the hash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gb-hash-'));
    await cp(fixture('good'), dir, { recursive: true });
    const before = (await loadDataset(dir)).hash;
    expect((await loadDataset(dir)).hash).toBe(before);
    const gold = join(dir, 'cloudtrail-multi-region.feature');
    await writeFile(gold, `${await readFile(gold, 'utf8')}\n`);
    expect((await loadDataset(dir)).hash).not.toBe(before);
  });

  it('loads a BOM-prefixed index and a CRLF index like the plain one', async () => {
    for (const name of ['bad/bom', 'bad/crlf']) {
      const dataset = await loadDataset(fixture(name));
      expect(dataset.items.map((i) => i.id)).toEqual([
        'sagemaker-notebook-no-direct-internet',
        'cloudtrail-multi-region',
      ]);
      expect(dataset.items[0]?.requirement.endsWith('never directly.')).toBe(true);
      expect(dataset.items[1]?.split).toBe('fewshot');
    }
  });

  it.each([
    ['bad/unbalanced-quotes', /controls\.csv:2: unbalanced quotes: .*still open on line 3/],
    ['bad/unclosed-quote', /controls\.csv:3: unbalanced quotes: a quoted field opened on this line is never closed/],
    ['bad/wrong-column-count', /controls\.csv:3: 11 fields, the header has 10; quote fields that contain commas/],
    [
      'bad/duplicate-id',
      /controls\.csv:4: id: duplicate id "sagemaker-notebook-no-direct-internet" \(first on line 2\)/,
    ],
    ['bad/escaping-path', /controls\.csv:3: gold: "\.\.\/\.\.\/etc\/passwd" escapes the dataset folder/],
    ['bad/missing-file', /controls\.csv:3: gold: "cloudtrail-multi-region\.feature" not found/],
    [
      'bad/bad-cells',
      /controls\.csv:2: severity: must be one of low \| medium \| high \| critical \(got "High"\) \(and 1 more/,
    ],
  ])('refuses %s with file, line and column', async (name, pattern) => {
    expect(await loadError(fixture(name))).toMatch(pattern);
  });

  it('refuses an absolute gold path and a symlink that leads out of the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gb-link-'));
    await cp(fixture('good'), dir, { recursive: true });
    const index = join(dir, 'controls.csv');
    const text = await readFile(index, 'utf8');
    await writeFile(index, text.replace(',cloudtrail-multi-region.feature,', ',/etc/passwd,'));
    expect(await loadError(dir)).toMatch(/controls\.csv:4: gold: "\/etc\/passwd" is absolute/);

    const outside = await mkdtemp(join(tmpdir(), 'gb-outside-'));
    await writeFile(join(outside, 'secret.feature'), 'Feature: X\n');
    await symlink(join(outside, 'secret.feature'), join(dir, 'linked.feature'));
    await writeFile(index, text.replace(',cloudtrail-multi-region.feature,', ',linked.feature,'));
    expect(await loadError(dir)).toMatch(/controls\.csv:4: gold: "linked\.feature" is a link that leads outside/);
  });

  it('refuses a folder without an index and a missing header column', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gb-empty-'));
    expect(await loadError(dir)).toMatch(/controls\.csv: cannot read the index/);
    await writeFile(join(dir, 'controls.csv'), 'id,service\nx,s3\n');
    expect(await loadError(dir)).toMatch(/controls\.csv:1: missing column\(s\) control_id, resource_type/);
  });
});
