/** The importer on fixtures that reproduce each variation of real AWS Config rule docstrings. */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertTree, type FileResult, importAwsConfigRules } from '../../../src/dataset/import/import.js';
import { loadDataset } from '../../../src/dataset/load.js';
import type { Row } from '../../../src/dataset/schema.js';
import { validateDataset } from '../../../src/dataset/validate.js';
import { isUserError } from '../../../src/errors.js';
import { cli as run } from '../../support/cli.js';

const SOURCE = join('test', 'fixtures', 'dataset', 'aws-config-rules');

let files: FileResult[];
let rules: { id: string; feature: string; row: Row }[];
const byFile = (suffix: string): FileResult => {
  const found = files.find((f) => f.file.endsWith(suffix));
  if (!found) throw new Error(`no result for ${suffix}`);
  return found;
};
const rule = (id: string) => {
  const found = rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

beforeAll(async () => {
  ({ files, rules } = await convertTree(SOURCE));
});

describe('convertTree: per-file outcome', () => {
  it('reports every source file as imported, repaired or skipped', () => {
    const summary = Object.fromEntries(files.map((f) => [f.file, f.status]));
    expect(summary).toEqual({
      'java/src/main/java/com/example/rules/IamPasswordPolicyRule.java': 'imported',
      'node/cloudtrail-logging/index.js': 'imported',
      'node/lambda-in-vpc/handler.ts': 'imported',
      'python/ec2_volume_encrypted/ec2_volume_encrypted.py': 'repaired',
      'python/helpers/rule_util.py': 'skipped',
      'python/NO_OUTCOMES/NO_OUTCOMES.py': 'skipped',
      'python/RDS_BACKUP_RETENTION/RDS_BACKUP_RETENTION.py': 'repaired',
      'python/RDS_BACKUP_RETENTION/RDS_BACKUP_RETENTION_test.py': 'skipped',
      'python/S3_BUCKET_DEFAULT_KMS/S3_BUCKET_DEFAULT_KMS.py': 'imported',
      'python/s3_default_kms_copy/s3_default_kms_copy.py': 'skipped',
      'python/SECURITYHUB_NO_DESCRIPTION/SECURITYHUB_NO_DESCRIPTION.py': 'skipped',
      'python/sqs_queue_encrypted/lambda_function.py': 'repaired',
    });
  });

  it('says why each skipped file was skipped', () => {
    expect(byFile('rule_util.py').reason).toMatch(/no Gherkin block/);
    expect(byFile('RDS_BACKUP_RETENTION_test.py').reason).toBe('a test file, not a rule');
    expect(byFile('NO_OUTCOMES.py').reason).toMatch(/no scenario with a readable outcome/);
    expect(byFile('NO_OUTCOMES.py').warnings).toContain(
      'Scenario 1 dropped: no outcome in "Then: Work out what to return"',
    );
    expect(byFile('SECURITYHUB_NO_DESCRIPTION.py').reason).toMatch(/no Description/);
    expect(byFile('s3_default_kms_copy.py').reason).toBe(
      'same rule name as python/S3_BUCKET_DEFAULT_KMS/S3_BUCKET_DEFAULT_KMS.py (s3-bucket-default-kms)',
    );
  });
});

describe('convertTree: each variation', () => {
  it('RDK Python with a parameter table: canonical gold, methods from get_client calls, plumbing left out', () => {
    const r = rule('s3-bucket-default-kms');
    expect(byFile('S3_BUCKET_DEFAULT_KMS.py').notes).toEqual(['no Indicative Severity; wrote medium']);
    expect(r.row).toMatchObject({
      service: 's3',
      resource_type: 'AWS::S3::Bucket',
      category: 'encryption-at-rest',
      severity: 'medium',
      control_id: '',
      methods: 's3.list_buckets|s3.get_bucket_encryption',
      gold: 's3-bucket-default-kms.feature',
      requirement: 'Checks that every S3 bucket encrypts new objects by default with an AWS KMS key.',
    });
    expect(r.feature).toContain(
      '@control:none @severity:medium @resource:AWS::S3::Bucket @category:encryption-at-rest\nFeature: S3_BUCKET_DEFAULT_KMS\n',
    );
    expect(r.feature).toContain('  Trigger: Periodic\n');
    expect(r.feature).toContain(
      '  Rule Parameters: kmsKeyArns (string, optional, default none): Comma-separated KMS key ARNs buckets may use.\n',
    );
    expect(r.feature).toContain(
      '  Background:\n    Given the rule\'s code calls "s3.list_buckets"\n    And the rule\'s code calls "s3.get_bucket_encryption"\n',
    );
    expect(r.feature).toContain(
      '    Then the rule returns NON_COMPLIANT\n    And the annotation is "Default encryption is not configured."\n',
    );
    // a quoted parameter name is written camelCase
    expect(r.feature).toContain('    And the rule parameter "kmsKeyArns" is empty or lists the bucket\'s key\n');
    expect(r.feature).not.toContain('"KmsKeyArns"');
    expect(r.feature).not.toMatch(/put_evaluations|assume_role/);
    expect(r.feature).toContain('    Then the rule returns ERROR\n');
  });

  it('older style: Rule Identifier, Resource Type to report on, Feature/As a/I want, Rationale, Indicative Severity', () => {
    const r = rule('ec2-ebs-volume-encrypted');
    expect(r.row).toMatchObject({
      severity: 'high',
      resource_type: 'AWS::EC2::Volume',
      methods: 'ec2.describe_volumes',
    });
    expect(r.feature).toContain('Feature: EC2_EBS_VOLUME_ENCRYPTED\n');
    expect(r.feature).toContain('  Trigger: Configuration changes\n');
    expect(r.feature).not.toMatch(/In order to|As a|I want|Rationale|snapshot exposes/);
    // wrapped description lines are joined; the requirement keeps 3 sentences
    expect(r.feature).toContain(
      '  Description: Checks whether EBS volumes that are in an attached state are encrypted. Volumes',
    );
    expect(r.row.requirement.split('. ')).toHaveLength(3);
    expect(byFile('ec2_volume_encrypted.py').warnings).toEqual([
      'Description has 4 sentences; the requirement keeps the first 3',
    ]);
    expect(r.feature).toContain('  Scenario: The volume is attached and its Encrypted attribute is false\n');
    expect(r.feature).toContain('    And the annotation is "The volume is not encrypted."\n');
  });

  it('typos and missing fields are repaired with a warning each; wrapped step lines are joined', () => {
    const r = rule('rds-backup-retention-check');
    expect(byFile('RDS_BACKUP_RETENTION.py').warnings).toEqual([
      'no Reports on; took AWS::RDS::DBInstance from the code',
      'no Trigger; wrote Configuration changes',
      'Scenario 2: "NON_COMPLAINT" read as NON_COMPLIANT',
      'Scenario 3: "compliant" read as COMPLIANT',
    ]);
    expect(r.feature).toContain(
      '    Given a DB instance keeps backups for fewer days than minimumRetentionDays\n    Then the rule returns NON_COMPLIANT\n',
    );
    expect(r.feature).toContain(
      '  Rule Parameters: minimumRetentionDays (int, optional, default 7): The fewest days backups must be kept. Default is 7.\n',
    );
    // the client is passed into a function under another name: the call is still read
    expect(r.row.methods).toBe('rds.describe_db_instances');
    expect(r.row.category).toBe('resilience');
  });

  it('no Rule Name: named after the folder of a lambda_function.py; "NON COMPLIANT" repaired', () => {
    expect(byFile('lambda_function.py').warnings).toEqual([
      'no Rule Name; named it SQS_QUEUE_ENCRYPTED after the file',
      'Scenario 2: "NON COMPLIANT" read as NON_COMPLIANT',
    ]);
    expect(rule('sqs-queue-encrypted').row.methods).toBe('sqs.get_queue_attributes');
  });

  it('Java (SDK v1) in a /* */ block: the client class names the service, camelCase calls map to boto3', () => {
    const r = rule('iam-password-policy-length');
    expect(r.row).toMatchObject({
      service: 'iam',
      methods: 'iam.get_account_password_policy',
      severity: 'medium',
      resource_type: 'AWS::::Account',
    });
    expect(r.feature).toContain(
      '  Rule Parameters: minimumPasswordLength (int, optional, default 14): shortest password the policy must require, default 14\n',
    );
    expect(r.feature).toContain(
      '    Given the account has no password policy\n    Then the rule returns NON_COMPLIANT\n    And the annotation is "No password policy is set."\n',
    );
  });

  it('Node SDK v2: new AWS.CloudTrail(); config.putEvaluations is plumbing', () => {
    expect(rule('cloudtrail-multi-region-logging').row).toMatchObject({
      service: 'cloudtrail',
      methods: 'cloudtrail.describe_trails|cloudtrail.get_trail_status',
      category: 'logging',
    });
  });

  it('TypeScript SDK v3 in // comments: Command classes name the operation', () => {
    const r = rule('lambda-inside-vpc');
    expect(r.row).toMatchObject({
      service: 'lambda',
      methods: 'lambda.get_function_configuration',
      category: 'network-exposure',
    });
    expect(r.feature).toContain('  Trigger: Configuration changes\n');
  });
});

describe('importAwsConfigRules: writing', () => {
  it('writes a dataset that loads and validates clean, with stable splits', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'gb-import-')), 'imported');
    const report = await importAwsConfigRules(SOURCE, out);
    expect(report).toMatchObject({ imported: 4, repaired: 3, skipped: 5, validation: { errors: 0 } });
    const dataset = await loadDataset(out);
    expect(dataset.items.map((i) => i.id).sort()).toEqual(rules.map((r) => r.id).sort());
    expect((await validateDataset(out)).ok).toBe(true);
    const again = await convertTree(SOURCE);
    expect(again.rules.map((r) => r.row.split)).toEqual(rules.map((r) => r.row.split));
  });

  it('refuses an existing --out without --force, and replaces it with --force', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'gb-import-'));
    const out = join(parent, 'existing');
    await mkdir(out);
    await writeFile(join(out, 'keep.txt'), 'mine');
    await expect(importAwsConfigRules(SOURCE, out)).rejects.toThrow(
      /already exists; choose a new --out folder or pass --force/,
    );
    expect(await readdir(out)).toEqual(['keep.txt']);
    await importAwsConfigRules(SOURCE, out, { force: true });
    expect(existsSync(join(out, 'keep.txt'))).toBe(false);
    expect(existsSync(join(out, 'controls.csv'))).toBe(true);
    expect((await readdir(parent)).sort()).toEqual(['existing']);
  });

  it('writes nothing when nothing can be imported', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'gb-import-'));
    const out = join(parent, 'out');
    try {
      await importAwsConfigRules(join(SOURCE, 'python', 'helpers'), out);
      throw new Error('expected a failure');
    } catch (error) {
      expect(isUserError(error)).toBe(true);
      expect((error as Error).message).toMatch(
        /nothing to import \(1 files, none with a usable Gherkin block\); nothing was written/,
      );
    }
    expect(await readdir(parent)).toEqual([]);
  });

  it('leaves no temp folder and no output when writing fails half-way', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'gb-import-'));
    // a file where the output's parent folder should be: the temp folder cannot be made
    await writeFile(join(parent, 'blocker'), '');
    await expect(importAwsConfigRules(SOURCE, join(parent, 'blocker', 'out'))).rejects.toThrow();
    expect(await readdir(parent)).toEqual(['blocker']);
  });
});

describe('dataset import (CLI)', () => {
  it('prints a line per file and a summary; exit 0', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'gb-import-')), 'cli');
    const { code, stdout, stderr } = await run([
      'dataset',
      'import',
      '--from',
      'aws-config-rules',
      SOURCE,
      '--out',
      out,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'python/RDS_BACKUP_RETENTION/RDS_BACKUP_RETENTION.py: repaired as rds-backup-retention-check\n',
    );
    expect(stdout).toContain('  warning: Scenario 2: "NON_COMPLAINT" read as NON_COMPLIANT\n');
    expect(stdout).toContain('python/helpers/rule_util.py: skipped: no Gherkin block');
    expect(stdout).toContain(
      `imported 7 rules into ${out} (4 clean, 3 repaired), skipped 5 files\nthe new dataset validates clean\n`,
    );
    expect((await readFile(join(out, 'controls.csv'), 'utf8')).split('\n')[0]).toBe(
      'id,control_id,service,resource_type,category,severity,requirement,methods,gold,split',
    );
  });

  it('rejects an unknown --from and a missing --out (exit 2)', async () => {
    const bad = await run(['dataset', 'import', '--from', 'cfn-guard', SOURCE, '--out', '/tmp/x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Invalid values:[\s\S]*from/);
    const missing = await run(['dataset', 'import', '--from', 'aws-config-rules', SOURCE]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Missing required argument: out/);
  });
});
