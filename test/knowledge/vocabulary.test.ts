import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../src/knowledge/catalog.js';
import { NAMESPACE_TO_SERVICE, parseResourceType, serviceForResourceType } from '../../src/knowledge/resource-types.js';
import { EXPANSIONS, expand, terms, tokenize } from '../../src/knowledge/vocabulary.js';

describe('tokenize', () => {
  it('splits CamelCase, acronyms, snake_case and keeps lower-case alphanumerics whole', () => {
    expect(tokenize('SSEAlgorithm KmsKeyId describe_auto_ml_job_v2')).toEqual([
      'sse',
      'algorithm',
      'kms',
      'key',
      'id',
      'describe',
      'auto',
      'ml',
      'job',
      'v2',
    ]);
    expect(tokenize('DescribeAutoMLJobV2 ec2 IPv6Address')).toEqual([
      'describe',
      'auto',
      'ml',
      'job',
      'v2',
      'ec2',
      'ip',
      'v6',
      'address',
    ]);
  });

  it('stems and drops stop words', () => {
    expect(terms('The logging must be enabled')).toEqual(['log', 'enabl']);
    expect(expand('encryption at rest')).toContain('km');
    expect(expand('nothing security related here')).toEqual([]);
  });
});

describe('the security vocabulary', () => {
  it('adds general lower-case words only (no API member names), each rule naming its source', () => {
    for (const rule of EXPANSIONS) {
      expect(rule.source.length, String(rule.when)).toBeGreaterThan(10);
      expect(rule.add, String(rule.when)).toMatch(/^[a-z0-9 ]+$/);
    }
    expect(expand('notebook root access')).toEqual([]);
    expect(expand('traffic between training containers')).toEqual([]);
  });
});

/** Every namespace of the Security Hub controls reference (shared/reference/securityhub-controls.csv). */
const SECURITY_HUB_NAMESPACES =
  'ACM ApiGateway ApiGatewayV2 AutoScaling CloudFormation CloudFront CloudTrail CloudWatch CodeBuild DAX DMS DynamoDB EC2 ECR ECS EFS EKS EMR ElastiCache ElasticBeanstalk ElasticLoadBalancing ElasticLoadBalancingV2 Elasticsearch IAM KMS Kinesis Lambda Logs NetworkFirewall OpenSearch RDS Redshift S3 SNS SQS SSM SageMaker SecretsManager WAF WAFRegional WAFV2 WAFv2'.split(
    ' ',
  );

describe('resource types', () => {
  it('maps every Security Hub namespace to a real boto3 client', () => {
    const catalog = defaultCatalog();
    for (const namespace of SECURITY_HUB_NAMESPACES) {
      const service = NAMESPACE_TO_SERVICE[namespace];
      expect(service, namespace).toBeDefined();
      expect(catalog.hasService(service as string), `${namespace} → ${service}`).toBe(true);
    }
    for (const service of Object.values(NAMESPACE_TO_SERVICE)) expect(catalog.hasService(service), service).toBe(true);
  });

  it('parses resource types, with exceptions by whole type', () => {
    expect(serviceForResourceType('AWS::ElasticLoadBalancingV2::LoadBalancer')).toBe('elbv2');
    expect(serviceForResourceType('AWS::OpenSearchService::Domain')).toBe('opensearch');
    expect(serviceForResourceType('AWS::Logs::LogGroup')).toBe('logs');
    expect(serviceForResourceType('AWS::S3::Account')).toBe('s3control');
    expect(parseResourceType('AWS::::Account')).toEqual({ namespace: '', type: 'Account', service: undefined });
    expect(parseResourceType('not a type')).toBeUndefined();
  });
});
