import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLeaks } from '../../src/dataset/leaks/check.js';
import { exemplarLeaks } from '../../src/dataset/leaks/exemplar-leaks.js';
import { nearDuplicateLeaks, type RequirementText } from '../../src/dataset/leaks/near-duplicates.js';
import { templateLeaks } from '../../src/dataset/leaks/template-leaks.js';
import { loadDataset } from '../../src/dataset/load.js';
import { DEFAULT_EXEMPLAR_POLICY } from '../../src/dataset/splits.js';
import type { Dataset, Item } from '../../src/dataset/types.js';
import { packagePath } from '../../src/paths.js';

const own = await loadDataset(packagePath('datasets', 'security-controls'));
const evalItems = own.items.filter((i) => i.split === 'eval');
const s3Encryption = evalItems.find((i) => i.id === 's3-bucket-default-encryption') as Item;

describe('leak check: templates quoting an evaluation answer', () => {
  it('fires on a planted call, member path or rule parameter of an evaluation gold, naming file, line and item', () => {
    const planted = [
      'Write calls like "s3.get_bucket_encryption".',
      'Or a bare s3.get_bucket_encryption call.',
      '## Fields like "ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault.SSEAlgorithm"',
    ].join('\n');
    const found = templateLeaks([{ file: 't.md', text: planted }], evalItems);
    expect(found.map((p) => [p.line, p.check, p.severity])).toEqual([
      [1, 'leak:template', 'error'],
      [2, 'leak:template', 'error'],
      [3, 'leak:template', 'error'],
    ]);
    expect(found[0]?.message).toContain('s3-bucket-default-encryption');
    const eks = evalItems.find((i) => i.id === 'eks-secrets-encrypted') as Item;
    expect(templateLeaks([{ file: 't.md', text: 'Parameters in camelCase ("kmsKeyArns").' }], [eks])).toHaveLength(1);
  });

  it('stays quiet on enum values compared with a field and on made-up examples', () => {
    const text =
      'Quote calls like "example.describe_widgets"; an enum value like "Enabled"; fields like "Widget.Colour".';
    expect(templateLeaks([{ file: 't.md', text }], evalItems)).toEqual([]);
  });
});

describe('leak check: near-duplicate requirements', () => {
  const text = (key: string, role: RequirementText['role'], set: string, requirement: string): RequirementText => ({
    key,
    file: `${set}.csv`,
    requirement,
    role,
    set,
  });

  it('fires when a dev query or a few-shot item paraphrases an evaluation requirement; warns on the same control in two gold sets', () => {
    const found = nearDuplicateLeaks([
      text('a/x', 'eval', 'a', 'S3 buckets must encrypt every object at rest with a KMS key.'),
      text('dev/y', 'dev', 'dev', 'Every object in S3 buckets must be encrypted at rest with KMS keys.'),
      text('a/z', 'fewshot', 'a', 'Encrypt S3 bucket objects at rest with a KMS key.'),
      text('b/x', 'eval', 'b', 'S3 buckets must encrypt every object at rest with a KMS key.'),
      text('b/w', 'fewshot', 'b', 'Lambda functions must run inside a VPC.'),
    ]);
    expect(found.map((p) => [p.message.split(' are ')[0], p.severity])).toEqual([
      ['a/x and dev/y (dev)', 'error'],
      ['a/x and a/z (fewshot)', 'error'],
      ['a/x and b/x (eval)', 'warning'],
      ['b/x and dev/y (dev)', 'error'],
      ['b/x and a/z (fewshot)', 'error'],
    ]);
  });

  it('two evaluation items of the same set are not a leak', () => {
    expect(
      nearDuplicateLeaks([
        text('a/x', 'eval', 'a', 'S3 buckets must be versioned.'),
        text('a/y', 'eval', 'a', 'S3 buckets must be versioned.'),
      ]),
    ).toEqual([]);
  });
});

describe('leak check: an exemplar calling exactly the evaluation item\u2019s methods', () => {
  const item = (id: string, service: string, methods: string[], split: Item['split']): Item => ({
    ...s3Encryption,
    id,
    service,
    methods,
    split,
    controlId: null,
    gold: `${id}.feature`,
    goldText: id,
  });

  it('fires for a same-method exemplar the policy lets through, and not for one it keeps out', () => {
    const dataset: Dataset = {
      ...own,
      items: [
        item('scored', 's3', ['s3.get_bucket_encryption'], 'eval'),
        item('same-service', 's3', ['get_bucket_encryption'], 'fewshot'),
        item('other-service', 's3control', ['s3.get_bucket_encryption'], 'fewshot'),
      ],
    };
    const open = exemplarLeaks(dataset, { otherServicesOnly: false }, 'x.csv');
    expect(open).toHaveLength(1);
    expect(open[0]?.message).toMatch(/^scored: exemplar same-service, other-service calls exactly its methods/);
    const strict = exemplarLeaks(dataset, DEFAULT_EXEMPLAR_POLICY, 'x.csv');
    expect(strict.map((p) => p.message.split(' calls')[0])).toEqual(['scored: exemplar other-service']);
    expect(exemplarLeaks({ ...dataset, items: dataset.items.slice(0, 1) }, DEFAULT_EXEMPLAR_POLICY, 'x.csv')).toEqual(
      [],
    );
  });
});

describe('checkLeaks over everything shipped', () => {
  it('finds no near-duplicate and no exemplar leak under the default policy (other services)', async () => {
    const report = await checkLeaks();
    expect(report.policy).toEqual({ otherServicesOnly: true });
    expect(report.problems.filter((p) => p.check !== 'leak:template')).toEqual([]);
  });

  it('finds a leak planted in a templates folder, and none in a clean one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gb-templates-'));
    await writeFile(join(dir, 'clean.md'), 'Quote calls as "client.method" and fields as member paths.\n');
    expect((await checkLeaks({ templatesDir: dir })).problems.filter((p) => p.check === 'leak:template')).toEqual([]);
    await writeFile(join(dir, 'format.md'), 'For example "s3.get_bucket_encryption".\n');
    const report = await checkLeaks({ templatesDir: dir });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.file, p.line, p.check])).toEqual([
      [join(dir, 'format.md'), 1, 'leak:template'],
    ]);
  });
});
