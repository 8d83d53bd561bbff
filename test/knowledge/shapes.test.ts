import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../src/knowledge/catalog.js';
import { findMember, MAX_DEPTH, memberNames, memberPaths, parsePath } from '../../src/knowledge/shapes.js';
import { shortDoc, stripHtml } from '../../src/knowledge/text.js';

const catalog = defaultCatalog();

describe('memberPaths', () => {
  it('lists nested output paths with types, required flags and short docs', () => {
    const paths = memberPaths(catalog.service('sagemaker'), 'describe_auto_ml_job_v2', 'output');
    const byPath = new Map(paths.map((m) => [m.path, m]));
    const volume = byPath.get('SecurityConfig.VolumeKmsKeyId');
    expect(volume).toMatchObject({ name: 'VolumeKmsKeyId', type: 'string', depth: 2, required: false });
    expect(volume?.doc).toMatch(/encrypt/i);
    expect(byPath.get('OutputDataConfig.KmsKeyId')).toBeDefined();
    expect(byPath.get('AutoMLJobName')?.required).toBe(true);
    expect(byPath.get('AutoMLJobStatus')?.enum).toContain('Completed');
  });

  it('writes [] after list members and {} after map members', () => {
    const s3 = memberPaths(catalog.service('s3'), 'GetBucketEncryption', 'output').map((m) => m.path);
    expect(s3).toContain('ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault.SSEAlgorithm');
    const lambda = memberPaths(catalog.service('lambda'), 'get_function_configuration', 'output').map((m) => m.path);
    expect(lambda).toContain('Environment.Variables');
    const ddb = memberPaths(catalog.service('dynamodb'), 'get_item', 'output').map((m) => m.path);
    expect(ddb).toContain('Item{}.S');
  });

  it('terminates on recursive shapes and marks where it stopped', () => {
    const paths = memberPaths(catalog.service('dynamodb'), 'get_item', 'output');
    const recursive = paths.filter((m) => m.recursive);
    expect(recursive.map((m) => m.path)).toContain('Item{}.M');
    expect(paths.every((m) => m.depth <= MAX_DEPTH)).toBe(true);
    expect(paths.some((m) => m.path.startsWith('Item{}.M{}.'))).toBe(false);
  });

  it('returns [] for an operation without an output and throws for an unknown one', () => {
    expect(memberPaths(catalog.service('s3'), 'delete_bucket', 'output')).toEqual([]);
    expect(() => memberPaths(catalog.service('s3'), 'get_bucket_encryptoin', 'output')).toThrow(
      /get_bucket_encryption/,
    );
  });
});

describe('findMember', () => {
  const sagemaker = catalog.service('sagemaker');
  it('resolves a path in one operation but not in another', () => {
    expect(findMember(sagemaker, 'describe_auto_ml_job_v2', 'SecurityConfig.VolumeKmsKeyId', 'output')?.exact).toBe(
      true,
    );
    expect(findMember(sagemaker, 'create_auto_ml_job', 'SecurityConfig.VolumeKmsKeyId', 'input')).toBeUndefined();
    expect(
      findMember(sagemaker, 'create_auto_ml_job', 'AutoMLJobConfig.SecurityConfig.VolumeKmsKeyId', 'input'),
    ).toBeDefined();
  });

  it('tolerates a missing [] but says the notation is not exact, and rejects a wrong one', () => {
    const s3 = catalog.service('s3');
    const loose = findMember(
      s3,
      'get_bucket_encryption',
      'ServerSideEncryptionConfiguration.Rules.ApplyServerSideEncryptionByDefault.SSEAlgorithm',
      'output',
    );
    expect(loose?.exact).toBe(false);
    expect(loose?.canonical).toBe(
      'ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault.SSEAlgorithm',
    );
    expect(loose?.enum).toContain('aws:kms');
    expect(
      findMember(s3, 'get_bucket_encryption', 'ServerSideEncryptionConfiguration{}.Rules', 'output'),
    ).toBeUndefined();
    expect(findMember(s3, 'get_bucket_encryption', 'ServerSideEncryptionConfiguration.Rules[]', 'output')?.exact).toBe(
      true,
    );
  });

  it('parses only path notation', () => {
    expect(parsePath('A.B[].C{}.D')?.map((s) => s.name)).toEqual(['A', 'B', 'C', 'D']);
    expect(parsePath('not a path')).toBeUndefined();
    expect(parsePath('')).toBeUndefined();
  });

  it('knows every member name of a service', () => {
    expect(memberNames(sagemaker).has('EnableInterContainerTrafficEncryption')).toBe(true);
  });
});

describe('documentation text', () => {
  it('strips HTML and keeps the first sentence', () => {
    expect(stripHtml('<p>The <code>KMS</code> key &amp; alias.</p>')).toBe('The KMS key & alias.');
    expect(shortDoc('<p>First sentence. Second one.</p>')).toBe('First sentence.');
    expect(shortDoc(`<p>${'word '.repeat(80)}</p>`, 40).length).toBeLessThanOrEqual(40);
  });
});
