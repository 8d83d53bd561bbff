import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../src/knowledge/catalog.js';
import { estimateTokens } from '../../src/knowledge/passages.js';
import {
  createRetriever,
  isReadOperation,
  queryTerms,
  termPositions,
  withoutLeadingCheck,
} from '../../src/knowledge/retrieval.js';

const catalog = defaultCatalog();
const retriever = createRetriever(catalog);
const AUTOML =
  'SageMaker AutoML jobs must encrypt their output artifacts and training volumes with customer managed KMS keys.';

describe('retrieve', () => {
  it('finds describe_auto_ml_job_v2 with its KMS key paths for an AutoML encryption requirement', () => {
    const hits = retriever.retrieve(AUTOML, { service: 'sagemaker', k: 5 });
    const v2 = hits.find((h) => h.method === 'describe_auto_ml_job_v2');
    expect(v2).toBeDefined();
    expect(v2?.operation).toBe('DescribeAutoMLJobV2');
    expect(v2?.members.slice(0, 3)).toEqual(
      expect.arrayContaining(['SecurityConfig.VolumeKmsKeyId', 'OutputDataConfig.KmsKeyId']),
    );
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('leaves out an opening "Check whether" / "Checks if" / "Verify that", and only that', () => {
    expect(withoutLeadingCheck('Checks if Kinesis streams are encrypted.')).toBe(' Kinesis streams are encrypted.');
    expect(withoutLeadingCheck('Verify that DRT can access the account')).toBe(' DRT can access the account');
    expect(withoutLeadingCheck('Check the health check of load balancers')).toBe(
      'Check the health check of load balancers',
    );
    const methods = (text: string) => retriever.retrieve(text, { service: 'kinesis', k: 5 }).map((h) => h.method);
    expect(methods('Check whether Kinesis data streams are encrypted at rest.')).toEqual(
      methods('Kinesis data streams are encrypted at rest.'),
    );
  });

  it('prefers operations that read configuration', () => {
    const hits = retriever.retrieve('Kinesis data streams must be encrypted at rest.', { service: 'kinesis', k: 3 });
    expect(hits.map((h) => h.method)).toContain('describe_stream');
    expect(isReadOperation(hits[0]?.operation ?? '')).toBe(true);
    expect(isReadOperation('StartStreamEncryption')).toBe(false);
  });

  it('narrows by CloudFormation resource type', () => {
    const hits = retriever.retrieve('must not have direct internet access', {
      resourceType: 'AWS::SageMaker::NotebookInstance',
      k: 3,
    });
    expect(hits.every((h) => h.service === 'sagemaker')).toBe(true);
    expect(hits[0]?.method).toBe('describe_notebook_instance');
    expect(hits[0]?.members[0]).toBe('DirectInternetAccess');
  });

  it('rejects an unknown service, a malformed resource type and a bad k', () => {
    expect(() => retriever.retrieve('x', { service: 'sagemakr' })).toThrow(/did you mean sagemaker/);
    expect(() => retriever.retrieve('x', { resourceType: 'SageMaker notebook' })).toThrow(
      /AWS::SageMaker::NotebookInstance/,
    );
    expect(() => retriever.retrieve('x', { service: 's3', k: 0 })).toThrow(/positive integer/);
    expect(retriever.retrieve('the of and', { service: 's3' })).toEqual([]);
  });

  it('searches only the given services when the retriever is limited', () => {
    const limited = createRetriever(catalog, { services: ['s3', 'rds'] });
    const hits = limited.retrieve('buckets must encrypt objects by default', { k: 5 });
    expect(hits[0]?.method).toBe('get_bucket_encryption');
    expect(new Set(hits.map((h) => h.service)).size).toBeLessThanOrEqual(2);
    expect(hits.every((h) => ['s3', 'rds'].includes(h.service))).toBe(true);
  });
});

describe('renderPassages', () => {
  const hits = retriever.retrieve(AUTOML, { service: 'sagemaker', k: 5 });

  it('renders Boto3-syntax passages with required inputs, types and one-line docs', () => {
    const [first] = retriever.renderPassages(hits, 5000);
    expect(first?.text.split('\n')[0]).toMatch(/^sagemaker\.\w+\(\w+Name\) — /);
    expect(first?.text).toMatch(/\n {2}-> \S+KmsKeyId: string — /);
    expect(first?.members.length).toBeGreaterThan(0);
  });

  it('keeps the texts within the token budget', () => {
    for (const budget of [40, 120, 400]) {
      const passages = retriever.renderPassages(hits, budget);
      const total = passages.reduce((sum, p) => sum + p.text.length + 1, 0);
      expect(estimateTokens('x'.repeat(total - 1))).toBeLessThanOrEqual(budget);
    }
    expect(retriever.renderPassages(hits, 1)).toEqual([]);
    expect(retriever.renderPassages(hits, 100_000)).toHaveLength(hits.length);
  });
});

describe('queryTerms', () => {
  it('adds the security vocabulary with a lower weight than the requirement words', () => {
    const weights = queryTerms('Data at rest must be encrypted');
    expect(weights.get('encrypt')).toBe(1);
    expect(weights.get('km')).toBeGreaterThan(0); // KmsKeyId → kms → stem "km"
    expect(weights.get('km')).toBeLessThan(1);
    expect(queryTerms('Traffic must use TLS').has('ssl')).toBe(true);
    expect(queryTerms('Access logging must be on').has('log')).toBe(true);
    expect(queryTerms('must not be reachable from the internet').has('publicli')).toBe(true);
  });
});

describe('the resource a requirement names', () => {
  it('ranks the operations about it first, its written-out words matching API abbreviations (Config, DB)', () => {
    const hits = retriever.retrieve(
      'SageMaker endpoint configurations must specify a KMS key for their storage volumes.',
      {
        service: 'sagemaker',
        k: 3,
      },
    );
    expect(hits[0]?.method).toBe('describe_endpoint_config');
    const rds = retriever.retrieve('Database instances must not be publicly accessible.', { service: 'rds', k: 3 });
    expect(rds[0]?.method).toBe('describe_db_instances');
  });

  it('places each word by its first occurrence, from 0 to 1', () => {
    const positions = termPositions('Repositories must not allow an image tag to change in repositories');
    expect(positions.get('repositori')).toBe(0);
    expect(positions.get('imag')).toBeCloseTo(2 / 5);
    expect(positions.get('repositori')).toBeLessThan(positions.get('tag') as number);
  });
});
