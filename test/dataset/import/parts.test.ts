/** The importer's parts on the small cases the fixtures do not spell out. */
import { describe, expect, it } from 'vitest';
import { inferCategory, toCanonical } from '../../../src/dataset/import/canonical.js';
import { commentBlocks, findGherkinBlock, isTestFile, languageOf } from '../../../src/dataset/import/comment-block.js';
import { readOutcome } from '../../../src/dataset/import/outcome.js';
import { camelCase, canonicalParameters, readParameters } from '../../../src/dataset/import/parameters.js';
import { parseRuleDoc } from '../../../src/dataset/import/rule-doc.js';
import { readSdkCalls } from '../../../src/dataset/import/sdk-calls.js';
import { defaultCatalog } from '../../../src/knowledge/catalog.js';

describe('readOutcome', () => {
  it.each([
    ['Return NON_COMPLIANT with annotation "Bucket is public."', 'NON_COMPLIANT', 'Bucket is public.', undefined],
    ["Return COMPLIANT with annotation: 'fine'", 'COMPLIANT', 'fine', undefined],
    ['Return NOT_APPLICABLE', 'NOT_APPLICABLE', undefined, undefined],
    ['Return ERROR', 'ERROR', undefined, undefined],
    ['Return NON_COMPLAINT', 'NON_COMPLIANT', undefined, '"NON_COMPLAINT" read as NON_COMPLIANT'],
    ['Return NOT_APPLICALBE', 'NOT_APPLICABLE', undefined, '"NOT_APPLICALBE" read as NOT_APPLICABLE'],
    ['return non-compliant', 'NON_COMPLIANT', undefined, '"non-compliant" read as NON_COMPLIANT'],
    [
      'Return NOT APPLICABLE for deleted resources',
      'NOT_APPLICABLE',
      undefined,
      '"NOT APPLICABLE" read as NOT_APPLICABLE',
    ],
    [
      'Return NON_COMPLIANT with annotation Retention is below the minimum.',
      'NON_COMPLIANT',
      'Retention is below the minimum',
      undefined,
    ],
  ])('%s', (text, outcome, annotation, repaired) => {
    const read = readOutcome(text);
    expect(read?.outcome).toBe(outcome);
    expect(read?.annotation).toBe(annotation);
    expect(read?.repaired).toBe(repaired);
  });

  it('reads no outcome from prose about compliance or an error-free lookup', () => {
    expect(readOutcome('Evaluate compliance later')).toBeUndefined();
    expect(readOutcome('Work out what to return')).toBeUndefined();
    expect(readOutcome('Return errors')).toBeUndefined();
  });
});

describe('readParameters', () => {
  it('None, a JSON object, Name (Optional): lines and bare names with an indented description', () => {
    expect(readParameters(['None'])).toEqual([]);
    expect(readParameters(undefined)).toEqual([]);
    expect(canonicalParameters(readParameters(['{"maxAgeDays": "90"}']))).toBe(
      'maxAgeDays (int, optional, default 90)',
    );
    expect(
      canonicalParameters(
        readParameters([
          'AllowedPorts (Required): comma-separated TCP ports; may be empty',
          'blockedCidr: CIDR to refuse, default 0.0.0.0/0',
        ]),
      ),
    ).toBe(
      'allowedPorts (string, required, default none): comma-separated TCP ports, may be empty; blockedCidr (string, optional, default 0.0.0.0/0): CIDR to refuse, default 0.0.0.0/0',
    );
    expect(
      readParameters(['ExemptedRoleNames', '  (Optional) Roles the rule ignores.']).map((p) => [p.name, p.meaning]),
    ).toEqual([['exemptedRoleNames', 'Roles the rule ignores.']]);
    const [bucket] = readParameters([
      'S3BucketName',
      '   (optional) Bucket names to check. Default behavior checks all buckets.',
    ]);
    expect([bucket?.name, bucket?.defaultValue, bucket?.required]).toEqual(['s3BucketName', 'none', false]);
    expect(readParameters(['maxDays: days to keep, defaults to "30"'])[0]?.defaultValue).toBe('30');
  });

  it('a pipe table whose descriptions wrap over several rows (AMI_OUTDATED_CHECK layout)', () => {
    const table = [
      '    | -------------------- | --------- | --------------------------------------------- | ------------------|',
      '    | Parameter Name       | Type      | Description                                   |     Notes         |',
      '    | -------------------- | --------- | --------------------------------------------- | ------------------|',
      '    | NumberOfDays         | Optional  | The number of days against which the ami age  | must be equal to  |',
      '    |                      |           | of the instances will be compared.            | or less than      |',
      '    |                      |           | Default value: 90 days                        |                   |',
      '    | -------------------- | --------- | --------------------------------------------- | ------------------|',
      '    | WhitelistedAmis      | Optional  | The list of AMI Ids provided by the user to   | must be equal to  |',
      '    |                      |           | be excluded from the check.                   | item in list.     |',
      '    |--------------------- |-----------|-----------------------------------------------|-------------------|',
    ];
    const read = readParameters(table);
    expect(read.map((p) => p.name)).toEqual(['numberOfDays', 'whitelistedAmis']);
    expect(read[0]?.defaultValue).toBe('90');
    expect(read[0]?.required).toBe(false);
    expect(read[0]?.meaning).toBe(
      'The number of days against which the ami age of the instances will be compared. Default value: 90 days must be equal to or less than',
    );
    expect(read[1]?.meaning).toBe(
      'The list of AMI Ids provided by the user to be excluded from the check. must be equal to item in list.',
    );
  });

  it('a pipe table with no separator rows (DYNAMODB_ENCRYPTED layout), and one with no outer pipes', () => {
    const read = readParameters([
      '   | Parameter Name    | Type     | Description            |',
      '   | WhitelistedTables | Optional | Resource IDs of tables |',
      '   |                   |          | to report COMPLIANT    |',
      '   | MaxAge            | Required | days, default 30       |',
    ]);
    expect(readParameters(['Name | Type | Description', 'MaxAge | Required | days']).map((p) => p.name)).toEqual([
      'maxAge',
    ]);
    expect(read.map((p) => [p.name, p.required, p.defaultValue, p.meaning])).toEqual([
      ['whitelistedTables', false, 'none', 'Resource IDs of tables to report COMPLIANT'],
      ['maxAge', true, '30', 'days, default 30'],
    ]);
  });

  it('camelCase', () => {
    expect(camelCase('KmsKeyArns')).toBe('kmsKeyArns');
    expect(camelCase('max_access_key_age')).toBe('maxAccessKeyAge');
    expect(camelCase('SSEAlgorithm')).toBe('sSEAlgorithm');
    expect(camelCase('MFA')).toBe('mfa');
  });
});

describe('comment blocks and the rule docstring', () => {
  it('knows the languages', () => {
    expect([
      languageOf('a.py'),
      languageOf('A.java'),
      languageOf('i.js'),
      languageOf('h.ts'),
      languageOf('x.d.ts'),
      languageOf('r.rb'),
    ]).toEqual(['python', 'java', 'javascript', 'javascript', undefined, undefined]);
  });

  it('tells test files from rules', () => {
    expect(
      ['A_test.py', 'test_a.py', 'a.test.js', 'a.spec.ts', 'RuleTest.java', 'dir/A_TEST_CASES.py', 'rule.py'].map(
        isTestFile,
      ),
    ).toEqual([true, true, true, true, true, false, false]);
  });

  it('a comment with Scenario lines but neither Rule Name nor Description is not a rule gherkin', () => {
    expect(findGherkinBlock('# Scenario 1: no buckets\n# Scenario 2: one bucket\nx = 1\n', 'python')).toBeUndefined();
    expect(
      findGherkinBlock('# Description: d\n# Scenario: 1\n#   Given: a\n#   Then: Return COMPLIANT\n', 'python')?.length,
    ).toBe(4);
  });

  it('keeps source line numbers and strips * prefixes of Java blocks', () => {
    const blocks = commentBlocks('package x;\n/*\n * Rule Name:\n *   a-b\n */\nclass A {}\n', 'java');
    expect(blocks[0]).toEqual([
      { text: '', line: 2 },
      { text: 'Rule Name:', line: 3 },
      { text: '  a-b', line: 4 },
      { text: '', line: 5 },
    ]);
  });

  it('skips license comments and picks the block with the rule', () => {
    const source =
      '# Licensed under the Apache License\n# Copyright\n"""\nRule Name: x-y\nScenarios:\n  Scenario: 1\n    Given: a\n    Then: Return COMPLIANT\n"""\n';
    const block = findGherkinBlock(source, 'python');
    expect(block?.[0]).toEqual({ text: 'Rule Name: x-y', line: 4 });
  });

  it('"Scenario 2:" and "Scenario: 3 - title"; a lower-case wrapped "and" is not a step', () => {
    const doc = parseRuleDoc(
      [
        'Rule Name: a-b',
        'Scenarios:',
        '  Scenario 2:',
        '    Given: the trail is logging',
        '      and delivering to a bucket',
        '    Then: Return COMPLIANT',
        '  Scenario: 3 - encrypted trail',
        '    Given: a KMS key is set',
        '    Then: Return COMPLIANT',
      ].map((text, i) => ({ text, line: i + 1 })),
    );
    expect(doc.scenarios.map((s) => [s.label, s.title, s.steps.length])).toEqual([
      ['2', '', 2],
      ['3', 'encrypted trail', 2],
    ]);
    expect(doc.scenarios[0]?.steps[0]?.text).toBe('the trail is logging and delivering to a bucket');
  });
});

describe('readSdkCalls', () => {
  const catalog = defaultCatalog();

  it('Java SDK v2: S3Client.create() and Request.builder()', () => {
    const source = `S3Client s3 = S3Client.create();
GetBucketEncryptionResponse r = s3.getBucketEncryption(GetBucketEncryptionRequest.builder().bucket(name).build());
s3.getPublicAccessBlock(GetPublicAccessBlockRequest.builder().bucket(name).build());`;
    expect(readSdkCalls(source, 'java', catalog)).toEqual({
      calls: ['s3.get_bucket_encryption', 's3.get_public_access_block'],
      services: ['s3'],
    });
  });

  it('Python: a get_<service>_client helper, and bound methods passed to a paginate helper', () => {
    const source = `redshift_client = get_redshift_client("redshift", event)
response = redshift_client.describe_logging_status(ClusterIdentifier=cluster_id)
client = get_client('iam', event)
attached = paginate(client, client.list_attached_group_policies, **{'GroupName': group})
other.list_users`;
    expect(readSdkCalls(source, 'python', catalog).calls).toEqual([
      'redshift.describe_logging_status',
      'iam.list_attached_group_policies',
    ]);
  });

  it("rdklib: client_factory.build_client('iam'); the template's evaluation clean-up is plumbing", () => {
    const source = `def evaluate_periodic(self, event, client_factory, valid_rule_parameters):
    iam_client = client_factory.build_client('iam')
    paginator = iam_client.get_paginator('list_users')
    iam_client.list_service_specific_credentials(UserName=user_name)
    config = client_factory.build_client('config')
    config.get_compliance_details_by_config_rule(ConfigRuleName=name)`;
    expect(readSdkCalls(source, 'python', catalog)).toEqual({
      calls: ['iam.list_users', 'iam.list_service_specific_credentials'],
      services: ['iam', 'config'],
    });
  });

  it('Python: inline boto3.client(...).method( and paginators; names that are not API methods are ignored', () => {
    const source = `import json
ec2 = boto3.client('ec2')
json.loads('{}')
pages = ec2.get_paginator('describe_security_groups')
boto3.client("elbv2").describe_load_balancer_attributes(LoadBalancerArn=arn)
`;
    expect(readSdkCalls(source, 'python', catalog).calls).toEqual([
      'ec2.describe_security_groups',
      'elbv2.describe_load_balancer_attributes',
    ]);
  });
});

describe('inferCategory', () => {
  it.each([
    ['ELB listeners use TLS 1.2', 'encryption-in-transit'],
    ['EBS volumes are encrypted', 'encryption-at-rest'],
    ['S3 server access logging enabled', 'logging'],
    ['Security groups block SSH from 0.0.0.0/0', 'network-exposure'],
    ['Root account has MFA', 'access-control'],
    ['RDS instances are Multi-AZ', 'resilience'],
    ['GuardDuty detector enabled', 'monitoring'],
  ])('%s → %s', (text, category) => {
    expect(inferCategory(text)).toBe(category);
  });
});

describe('toCanonical', () => {
  const doc = (lines: string[]) => parseRuleDoc(lines.map((text, i) => ({ text, line: i + 1 })));
  const convert = (lines: string[]) =>
    toCanonical({
      fileStem: 'rule',
      source: "s3 = boto3.client('s3')\ns3.get_bucket_versioning(Bucket=b)\n",
      doc: doc(lines),
      calls: { calls: ['s3.get_bucket_versioning'], services: ['s3'] },
      catalog: defaultCatalog(),
      fewshotShare: 0,
    });

  it('a prose Rule Name becomes UPPER_SNAKE_CASE; what validation will ask is a note, not a repair', () => {
    const result = convert([
      'Rule Name: S3 bucket versioning',
      'Description: Buckets keep object versions.',
      'Trigger: Periodic',
      'Reports on: AWS::S3::Bucket',
      'Rule Parameters: None',
      'Scenario: 1',
      '  Given: versioning is suspended',
      '  Then: Return NON_COMPLIANT',
      'Scenario: 2',
      '  Given: versioning is enabled',
      '  Then: Return COMPLIANT',
    ]);
    if (!result.ok) throw new Error(result.reason);
    expect(result.rule.feature).toContain('Feature: S3_BUCKET_VERSIONING\n');
    expect(result.rule.row).toMatchObject({ id: 's3-bucket-versioning', split: 'eval', category: 'resilience' });
    expect(result.rule.warnings).toEqual([]);
    expect(result.rule.notes).toEqual([
      'no Indicative Severity; wrote medium',
      'to fix before validation: 2 scenarios; a gold has 3–8',
      'to fix before validation: no scenario returns NOT_APPLICABLE',
    ]);
  });

  it("falls back to the Feature's I want line for a missing Description", () => {
    const result = convert([
      'Rule Identifier: s3-versioning',
      'Feature:',
      '  In order to: recover overwritten objects',
      '  As: a security engineer',
      '  I want: to have versioning on every bucket',
      'Reports on: AWS::S3::Bucket',
      'Scenario: 1',
      '  Given: versioning is suspended',
      '  Then: Return NON_COMPLIANT',
    ]);
    if (!result.ok) throw new Error(result.reason);
    expect(result.rule.row.requirement).toBe('Have versioning on every bucket.');
    expect(result.rule.warnings).toContain('no Description; wrote it from the Feature\'s "I want" line');
  });

  it('scenarios that share a first Given are told apart by their other Given steps', () => {
    const result = convert([
      'Rule Name: s3-versioning',
      'Description: Buckets keep object versions.',
      'Reports on: AWS::S3::Bucket',
      'Scenario: 1',
      '  Given: the bucket exists',
      '  Then: Return NOT_APPLICABLE',
      'Scenario: 2',
      '  Given: the bucket exists',
      '  And: versioning is suspended',
      '  Then: Return NON_COMPLIANT',
      'Scenario: 3',
      '  Given: the bucket exists',
      '  And: versioning is enabled',
      '  Then: Return COMPLIANT',
    ]);
    if (!result.ok) throw new Error(result.reason);
    expect(result.rule.feature.match(/Scenario: .*/g)).toEqual([
      'Scenario: The bucket exists',
      'Scenario: The bucket exists and versioning is suspended',
      'Scenario: The bucket exists and versioning is enabled',
    ]);
  });
});
