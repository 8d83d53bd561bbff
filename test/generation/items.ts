/** Small inline gold items for the generation tests (no dataset folder needed). */
import type { Item } from '../../src/dataset/types.js';
import { NOTEBOOK_GOLD as GOLD_NOTEBOOK } from '../support/notebook-gold.js';

/** A gold with four non-compliant scenarios and an ERROR one, COMPLIANT before NON_COMPLIANT. */
const GOLD_BUCKET = `@control:S3.4 @severity:medium @resource:AWS::S3::Bucket @category:encryption-at-rest
Feature: S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED
  Description: S3 buckets must encrypt objects at rest by default.
  Trigger: Periodic
  Reports on: AWS::S3::Bucket
  Rule Parameters: kmsKeyArns (string, optional, default none): allowed keys

  Scenario: No buckets exist
    Given "s3.list_buckets" returns no buckets
    Then the rule returns NOT_APPLICABLE

  Scenario: Default encryption uses KMS
    Given a bucket whose "s3.get_bucket_encryption" output has "ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault.SSEAlgorithm" "aws:kms"
    Then the rule returns COMPLIANT

  Scenario: No default encryption
    Given "s3.get_bucket_encryption" fails for a bucket
    Then the rule returns NON_COMPLIANT

  Scenario: AES256 only
    Given a bucket whose "s3.get_bucket_encryption" output has "ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault.SSEAlgorithm" "AES256"
    Then the rule returns NON_COMPLIANT

  Scenario: Key not allowed
    Given a bucket whose key is not in "kmsKeyArns"
    Then the rule returns NON_COMPLIANT

  Scenario: Bad parameter
    Given "kmsKeyArns" is not a list of ARNs
    Then the rule returns ERROR
`;

function item(partial: Partial<Item> & Pick<Item, 'id' | 'service' | 'requirement'>): Item {
  return {
    controlId: null,
    resourceType: 'AWS::SageMaker::NotebookInstance',
    category: 'network-exposure',
    severity: 'high',
    methods: [],
    gold: `${partial.id}.feature`,
    goldText: GOLD_NOTEBOOK,
    split: 'fewshot',
    ...partial,
  };
}

/** The item under test: a SageMaker notebook control. */
export const NOTEBOOK_ROOT = item({
  id: 'sagemaker-notebook-root-access',
  service: 'sagemaker',
  requirement: 'People using a SageMaker notebook instance must not be able to become root on it.',
  category: 'access-control',
  split: 'eval',
});

/** A few-shot pool across services. */
export const POOL: Item[] = [
  item({
    id: 'sagemaker-notebook-no-direct-internet',
    service: 'sagemaker',
    requirement: 'SageMaker notebook instances must not have direct internet access.',
  }),
  item({
    id: 's3-bucket-default-encryption',
    service: 's3',
    resourceType: 'AWS::S3::Bucket',
    requirement: 'S3 buckets must encrypt objects at rest by default with KMS keys.',
    category: 'encryption-at-rest',
    goldText: GOLD_BUCKET,
  }),
  item({
    id: 'rds-instance-not-public',
    service: 'rds',
    resourceType: 'AWS::RDS::DBInstance',
    requirement: 'RDS database instances must not be publicly accessible.',
  }),
  item({
    id: 'cloudtrail-multi-region',
    service: 'cloudtrail',
    resourceType: 'AWS::CloudTrail::Trail',
    requirement: 'At least one CloudTrail trail must log events in every region.',
    category: 'logging',
  }),
  item({
    id: 'ec2-ebs-encryption-default',
    service: 'ec2',
    resourceType: 'AWS::EC2::Volume',
    requirement: 'EBS volumes must be encrypted by default in every region.',
    category: 'encryption-at-rest',
  }),
  item({
    id: 'lambda-function-public',
    service: 'lambda',
    resourceType: 'AWS::Lambda::Function',
    requirement: 'Lambda function policies must not allow public invocation.',
  }),
  NOTEBOOK_ROOT,
];
