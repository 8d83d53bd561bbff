import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../src/knowledge/catalog.js';
import { apiReferences, type GroundedReference, groundText } from '../../src/knowledge/grounding.js';

const catalog = defaultCatalog();

const feature = (
  body: string,
) => `@control:none @severity:high @resource:AWS::SageMaker::NotebookInstance @category:encryption-at-rest
Feature: SAGEMAKER_TEST
  Description: A test control.
  Trigger: Periodic
  Reports on: AWS::SageMaker::NotebookInstance
  Rule Parameters: kmsKeyArns (string, optional, default none): allowed keys
${body}`;

function find(refs: GroundedReference[], text: string, line?: number): GroundedReference {
  const ref = refs.find((r) => r.text === text && (line === undefined || r.line === line));
  if (!ref) throw new Error(`no reference "${text}" in ${refs.map((r) => r.text).join(', ')}`);
  return ref;
}

describe('groundText', () => {
  it('catches a member path valid for one call but misplaced for another (the issue example)', () => {
    const text = feature(`
  Scenario: V2 job without a volume key
    Given a job described by "sagemaker.describe_auto_ml_job_v2"
    And its "SecurityConfig.VolumeKmsKeyId" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: Created job
    Given a job created by "sagemaker.create_auto_ml_job"
    And its "SecurityConfig.VolumeKmsKeyId" is set
    Then the rule returns COMPLIANT
`);
    const report = groundText(text);
    const valid = find(report.references, 'SecurityConfig.VolumeKmsKeyId', 10);
    expect(valid).toMatchObject({
      status: 'valid',
      kind: 'path',
      direction: 'output',
      method: 'describe_auto_ml_job_v2',
    });
    const misplaced = find(report.references, 'SecurityConfig.VolumeKmsKeyId', 15);
    expect(misplaced.status).toBe('misplaced');
    expect(misplaced.suggestions[0]).toBe(
      'sagemaker.create_auto_ml_job input AutoMLJobConfig.SecurityConfig.VolumeKmsKeyId',
    );
    expect(misplaced.suggestions.join(' ')).toContain(
      'sagemaker.describe_auto_ml_job_v2 output SecurityConfig.VolumeKmsKeyId',
    );
    expect(report.counts).toEqual({ valid: 3, unknown: 0, misplaced: 1, total: 4 });
    expect(report.precision).toBeCloseTo(0.75);
  });

  it('flags hallucinated methods, services, operations and paths with suggestions', () => {
    const text = feature(`
  Scenario: Hallucinations
    Given "sagemaker.describe_notebok_instance" and "sagemakr.describe_notebook_instance"
    And DescribeNotebookInstanceX is called, then sagemaker.describe_notebook_instance
    And its "KmsKeyArn" is set
    Then the rule returns NON_COMPLIANT
`);
    const { references } = groundText(text);
    expect(find(references, 'sagemaker.describe_notebok_instance')).toMatchObject({ status: 'unknown' });
    expect(find(references, 'sagemaker.describe_notebok_instance').suggestions[0]).toBe(
      'sagemaker.describe_notebook_instance',
    );
    expect(find(references, 'sagemakr.describe_notebook_instance').suggestions).toContain(
      'sagemaker.describe_notebook_instance',
    );
    expect(find(references, 'DescribeNotebookInstanceX')).toMatchObject({ kind: 'operation', status: 'unknown' });
    expect(find(references, 'sagemaker.describe_notebook_instance')).toMatchObject({ status: 'valid', quoted: false });
    const path = find(references, 'KmsKeyArn');
    expect(path.status).toBe('unknown');
    expect(path.suggestions).toContain('KmsKeyId');
  });

  it('checks enum values after a path and ignores rule parameters, free text and numbers', () => {
    const text = feature(`
  Scenario: Enum values
    Given "sagemaker.describe_notebook_instance" returns "DirectInternetAccess" as "Enabled"
    And its "RootAccess" is "Allowed"
    And its "VolumeSizeInGB" is "5"
    And its "KmsKeyId" is not in "kmsKeyArns"
    And the annotation is "Direct internet access is on"
    Then the rule returns NON_COMPLIANT
`);
    const { references, counts } = groundText(text);
    expect(find(references, 'Enabled')).toMatchObject({
      kind: 'enum',
      status: 'valid',
      canonical: 'DirectInternetAccess',
    });
    const allowed = find(references, 'Allowed');
    expect(allowed).toMatchObject({ kind: 'enum', status: 'unknown' });
    expect(allowed.note).toContain('Enabled');
    expect(references.map((r) => r.text)).not.toContain('kmsKeyArns');
    expect(references.map((r) => r.text)).not.toContain('5');
    expect(references.some((r) => r.text.includes(' '))).toBe(false);
    expect(counts.unknown).toBe(1);
  });

  it('takes a declared rule parameter after an enum path as the parameter, not as a value', () => {
    const text = `@control:none @severity:medium @resource:AWS::EC2::VPC @category:logging
Feature: VPC_FLOW_LOGS_ENABLED
  Rule Parameters: trafficType (string, optional, default none): ACCEPT, REJECT or ALL
  Scenario: Flow logs of another traffic type
    Given a flow log in "FlowLogs[]" returned by "ec2.describe_flow_logs"
    And some "FlowLogs[].TrafficType" equals "trafficType"
    And no "FlowLogs[].TrafficType" equals "trafficTyp"
    And its "FlowLogs[].TrafficType" is "REJCT"
    And its "FlowLogs[].TrafficType" is "REJECT"
    Then the rule returns COMPLIANT
`;
    const { references, counts } = groundText(text);
    expect(references.map((r) => r.text)).not.toContain('trafficType');
    expect(find(references, 'trafficTyp')).toMatchObject({ kind: 'enum', status: 'unknown', line: 7 });
    expect(find(references, 'REJCT')).toMatchObject({ kind: 'enum', status: 'unknown', suggestions: ['REJECT'] });
    expect(find(references, 'REJECT')).toMatchObject({ kind: 'enum', status: 'valid' });
    expect(counts.unknown).toBe(2);
  });

  it('counts one unknown per misspelt path, not its quoted value as another', () => {
    const text = feature(`
  Scenario: Four misspelt paths
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "DirectInternetAcess" is "Enabledd"
    And its "KmsKeyIdd" is "ProductionKey"
    And its "RootAcess" is "Off.Value"
    And its "NotebookInstanceNme" is "MyNotebook"
    And its "InstanceType" is "ml.t3.medium"
    Then the rule returns NON_COMPLIANT
`);
    const { references, counts } = groundText(text);
    expect(references.filter((r) => r.status === 'unknown').map((r) => r.text)).toEqual([
      'DirectInternetAcess',
      'KmsKeyIdd',
      'RootAcess',
      'NotebookInstanceNme',
    ]);
    expect(counts.unknown).toBe(4);
    expect(find(references, 'InstanceType')).toMatchObject({ status: 'valid' });
  });

  it('still checks a second path on the line of a misspelt one', () => {
    const text = feature(`
  Scenario: Two paths on a line
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "KmsKeyIdd" equals its "RootAccess"
    Then the rule returns NON_COMPLIANT
`);
    const { references } = groundText(text);
    expect(find(references, 'KmsKeyIdd')).toMatchObject({ status: 'unknown' });
    expect(find(references, 'RootAccess')).toMatchObject({ kind: 'path', status: 'valid' });
  });

  it('accepts list paths with [] and notes a missing []', () => {
    const text = `Scenario: Buckets
    Given "s3.get_bucket_encryption" returns "ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault.SSEAlgorithm" as "aws:kms"
    And "ServerSideEncryptionConfiguration.Rules.BucketKeyEnabled" is true
    And "s3.get_bucket_encryption" returns "ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault.SSEAlgorithm" as "aws:kmz"
`;
    const { references } = groundText(text);
    expect(find(references, 'aws:kms')).toMatchObject({ kind: 'enum', status: 'valid' });
    expect(find(references, 'aws:kmz')).toMatchObject({ kind: 'enum', status: 'unknown' });
    expect(find(references, 'aws:kmz').suggestions).toContain('aws:kms');
    const loose = find(references, 'ServerSideEncryptionConfiguration.Rules.BucketKeyEnabled');
    expect(loose.status).toBe('valid');
    expect(loose.note).toBe('write "ServerSideEncryptionConfiguration.Rules[].BucketKeyEnabled"');
  });

  it('resolves bare snake_case methods and PascalCase operations within the given service', () => {
    const report = groundText('We call get_bucket_versioning, then GetBucketLogging; a KmsKeyId in prose is ignored.', {
      service: 's3',
    });
    expect(report.references.map((r) => [r.text, r.status, r.kind])).toEqual([
      ['get_bucket_versioning', 'valid', 'method'],
      ['GetBucketLogging', 'valid', 'operation'],
    ]);
    expect(report.services).toEqual(['s3']);
  });

  it('uses Background calls for every scenario', () => {
    const text = `Feature: X
  Background:
    Given "cloudtrail.describe_trails" lists the trails
  Scenario: Single-region trail
    Given a trail whose "trailList[].IsMultiRegionTrail" is false
    Then the rule returns NON_COMPLIANT
`;
    const { references } = groundText(text);
    expect(find(references, 'trailList[].IsMultiRegionTrail')).toMatchObject({
      status: 'valid',
      service: 'cloudtrail',
    });
  });

  it('checks camelCase member paths of camelCase services but ignores declared rule parameters', () => {
    const text = `Feature: X
  Rule Parameters: maxAgeDays (integer, optional, default 90): allowed age
  Scenario: Services
    Given "ecs.describe_services" returns "services[].networkConfiguration.awsvpcConfiguration.assignPublicIp" as "ENABLED"
    And "services[].networkConfiguration.awsvpcConfiguration.assignPublicIP" is set
    And "launchTyp" is set, and "maxAgeDays" is compared
    Then the rule returns NON_COMPLIANT
`;
    const { references } = groundText(text);
    expect(find(references, 'services[].networkConfiguration.awsvpcConfiguration.assignPublicIp').status).toBe('valid');
    expect(find(references, 'ENABLED')).toMatchObject({ kind: 'enum', status: 'valid' });
    expect(find(references, 'services[].networkConfiguration.awsvpcConfiguration.assignPublicIP').status).toBe(
      'unknown',
    );
    expect(find(references, 'launchTyp').suggestions).toContain('services[].launchType');
    expect(references.map((r) => r.text)).not.toContain('maxAgeDays');
  });

  it('returns precision null when a text has no API reference, and rejects an unknown service', () => {
    expect(groundText('Feature: nothing here\n  Scenario: none\n    Given "some words"').precision).toBeNull();
    expect(() => groundText('x', { service: 'sagemakr' })).toThrow(/did you mean sagemaker/);
  });

  it('gives method and path lists for recall metrics', () => {
    const refs = apiReferences(
      `Given "rds.describe_db_instances" returns "DBInstances[].PubliclyAccessible" as true\nAnd "DBInstances[].StorageEncrypted" is true`,
      { catalog },
    );
    expect(refs.methods).toEqual(['rds.describe_db_instances']);
    expect(refs.paths).toEqual(['DBInstances[].PubliclyAccessible', 'DBInstances[].StorageEncrypted']);
  });
});

describe("groundText: the configuration item's paths", () => {
  const volume = (
    steps: string,
  ) => `@control:none @severity:medium @resource:AWS::EC2::Volume @category:encryption-at-rest
Feature: CI_TEST
  Description: A rule triggered by configuration changes.
  Trigger: Configuration changes
  Reports on: AWS::EC2::Volume
  Rule Parameters: None

  Scenario: Not encrypted
    Given the rule's code calls "ec2.describe_instances"
${steps}
    Then the rule returns NON_COMPLIANT
`;

  it("resolves a path of the item's describe call (ec2.describe_volumes for AWS::EC2::Volume) only in that form", () => {
    const report = groundText(volume(`    And the configuration item's "Volumes[].Encrypted" is false`), { catalog });
    const ref = find(report.references, 'Volumes[].Encrypted');
    expect(ref.status).toBe('valid');
    expect(ref.canonical).toBe('Volumes[].Encrypted');
    expect(report.counts.misplaced + report.counts.unknown).toBe(0);
  });

  it('still catches the same path written elsewhere (the calls in scope do not return it)', () => {
    const report = groundText(volume(`    And its "Volumes[].Encrypted" is false`), { catalog });
    expect(find(report.references, 'Volumes[].Encrypted').status).toBe('misplaced');
  });

  it("catches a bogus path in the configuration item's form", () => {
    const report = groundText(volume(`    And the configuration item's "Volumes[].Encryption" is false`), { catalog });
    const ref = find(report.references, 'Volumes[].Encryption');
    expect(ref.status).toBe('unknown');
    expect(ref.note).toContain('ec2.describe_volumes');
  });
});

describe("groundText: an IAM entity's configuration item", () => {
  const text = (path: string) => `@control:none @severity:medium @resource:AWS::IAM::User @category:access-control
Feature: CI_IAM_TEST
  Description: A rule triggered by configuration changes of IAM users.
  Trigger: Configuration changes
  Reports on: AWS::IAM::User
  Rule Parameters: policyArns (string, required, default none): the policies a user needs

  Scenario: A user misses a policy
    Given the rule's code calls "iam.list_attached_group_policies"
    And some value of "policyArns" is not in the configuration item's "${path}"
    Then the rule returns NON_COMPLIANT
`;

  it("resolves the item's paths in iam.get_account_authorization_details, the call that returns what the item holds", () => {
    const path = 'UserDetailList[].AttachedManagedPolicies[].PolicyArn';
    const report = groundText(text(path), { catalog });
    expect(find(report.references, path).status).toBe('valid');
    expect(report.counts.misplaced + report.counts.unknown).toBe(0);
    const bogus = groundText(text('UserDetailList[].AttachedPolicies[].PolicyArn'), { catalog });
    const ref = find(bogus.references, 'UserDetailList[].AttachedPolicies[].PolicyArn');
    expect(ref.status).toBe('unknown');
    expect(ref.note).toContain('iam.get_account_authorization_details');
  });
});

describe("groundText: a JSON document's member", () => {
  it('checks the string member that holds the document, not the member inside it', () => {
    const text = `@control:none @severity:medium @resource:AWS::EMR::Cluster @category:encryption-at-rest
Feature: DOC_TEST
  Description: A control that reads a JSON document held in a string.
  Trigger: Periodic
  Reports on: AWS::EMR::Cluster
  Rule Parameters: None

  Scenario: No Kerberos
    Given a configuration described by "emr.describe_security_configuration"
    And the "SecurityConfiguration" document's "AuthenticationConfiguration.KerberosConfiguration" is not set
    Then the rule returns NON_COMPLIANT
`;
    const report = groundText(text, { catalog });
    expect(find(report.references, 'SecurityConfiguration').status).toBe('valid');
    expect(report.references.map((r) => r.text)).not.toContain('AuthenticationConfiguration.KerberosConfiguration');
    const bogus = groundText(text.replace('"SecurityConfiguration" document', '"SecurityConfig" document'), {
      catalog,
    });
    expect(bogus.counts.unknown + bogus.counts.misplaced).toBe(1);
  });
});

describe('groundText: a rule parameter compared with an enum member', () => {
  const text = (operand: string) => `@control:none @severity:medium @resource:AWS::EC2::VPC @category:logging
Feature: PARAM_ENUM_TEST
  Description: Flow logs of the configured traffic type.
  Trigger: Periodic
  Reports on: AWS::EC2::VPC
  Rule Parameters: trafficType (string, optional, default none): the traffic type

  Scenario: No flow log of that type
    Given "ec2.describe_flow_logs" returns a "FlowLogs[]"
    And no "FlowLogs[].TrafficType" equals "${operand}"
    Then the rule returns NON_COMPLIANT
`;

  it('reads a declared parameter as a parameter, and still checks a value against the enum', () => {
    expect(groundText(text('trafficType'), { catalog }).counts.unknown).toBe(0);
    const wrong = groundText(text('EVERYTHING'), { catalog });
    expect(find(wrong.references, 'EVERYTHING').status).toBe('unknown');
  });
});
