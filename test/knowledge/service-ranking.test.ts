import { describe, expect, it } from 'vitest';
import { catalogServiceIndex } from '../../src/knowledge/api-index.js';
import { defaultCatalog } from '../../src/knowledge/catalog.js';
import { isReadOperation, resourceNoun } from '../../src/knowledge/operation-names.js';
import { createRetriever } from '../../src/knowledge/retrieval.js';
import { devRetrievalSetPath, loadRetrievalSet } from '../../src/knowledge/retrieval-eval.js';
import { SERVICE_NAMES } from '../../src/knowledge/service-names.js';
import { rankServices, serviceDocument } from '../../src/knowledge/service-ranking.js';

const catalog = defaultCatalog();
const index = catalogServiceIndex(catalog);
const dev = loadRetrievalSet(devRetrievalSetPath(), catalog);

describe('rankServices', () => {
  it.each([
    // development queries only (datasets/retrieval/dev.csv), never held-out ones
    ['security-controls/logs-log-group-retention', 'logs'], // "CloudWatch Logs log groups …"
    ['aws-config-rules/redshift-require-ssl', 'redshift'], // "RedShift" written as one CamelCase word
    ['security-controls/elb-alb-drop-invalid-headers', 'elbv2'], // a documented name: Application Load Balancer
    ['ec2-ebs-encryption-by-default', 'ec2'], // EBS is documented as part of EC2
    ['elb-classic-cross-zone', 'elb'], // Classic Load Balancer, not elbv2
    ['security-controls/kms-key-not-scheduled-for-deletion', 'kms'],
  ])('puts the right service first for the dev requirement %s', (id, service) => {
    const requirement = dev.find((c) => c.id === id)?.requirement;
    expect(requirement, id).toBeDefined();
    const ranked = rankServices(index, requirement as string, 3);
    expect(ranked[0]?.service).toBe(service);
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('matches adjacent words of a resource name as a phrase ("password policy" is IAM\'s AccountPasswordPolicy)', () => {
    expect(serviceDocument(catalog.service('iam')).phrases.split(' ')).toContain('password_polici');
    expect(rankServices(index, 'The account password policy must require long passwords', 3)[0]?.service).toBe('iam');
    expect(rankServices(index, 'Check whether a configuration recorder is recording', 3)[0]?.service).toBe('config');
  });

  it('ranks no service for words no service name or resource has, and the retriever then searches every operation', () => {
    expect(rankServices(index, 'overwritten', 3)).toEqual([]);
    expect(rankServices(index, 'the of and', 3)).toEqual([]);
    expect(createRetriever(catalog).retrieve('overwritten', { k: 2 })).toHaveLength(2);
  });
});

describe('service documents', () => {
  it("hold botocore's names, the CloudFormation namespace, documented names and read operations' resources", () => {
    const doc = serviceDocument(catalog.service('elbv2'));
    const names = doc.names.split(' ');
    expect(names).toEqual(expect.arrayContaining(['elasticloadbalancing', 'elastic', 'load', 'balancing', 'alb']));
    expect(names).toContain('elasticloadbalancingv2'); // the CloudFormation namespace, whole
    expect(doc.resources.split(' ')).toEqual(expect.arrayContaining(['target', 'group', 'listen']));
    expect(doc.resources.split(' ')).not.toContain('creat'); // only read operations' resources
  });

  it("name an operation's resource after its read verb", () => {
    expect(resourceNoun('DescribeDBInstances')).toBe('DBInstances');
    expect(resourceNoun('GetBucketPolicyStatus')).toBe('BucketPolicyStatus');
    expect(resourceNoun('CreateBucket')).toBe('');
    expect(isReadOperation('ListTopics')).toBe(true);
    expect(isReadOperation('Listen')).toBe(false);
  });
});

describe('the documented service names', () => {
  it('name real boto3 clients, once each, with lower-case words and a source', () => {
    const seen = new Set<string>();
    for (const entry of SERVICE_NAMES) {
      expect(catalog.hasService(entry.service), entry.service).toBe(true);
      expect(seen.has(entry.service), entry.service).toBe(false);
      seen.add(entry.service);
      expect(entry.names, entry.service).toMatch(/^[a-z0-9 ]+$/);
      expect(entry.source, entry.service).toMatch(/Guide|AWS|Amazon/);
    }
  });
});
