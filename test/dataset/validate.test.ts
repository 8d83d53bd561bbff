import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/dataset/problems.js';
import { validateDataset } from '../../src/dataset/validate.js';

const good = join('test', 'fixtures', 'dataset', 'good');

/** A copy of the good fixture with `edit` applied to one file. */
async function variant(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gb-validate-'));
  await cp(good, dir, { recursive: true });
  const path = join(dir, file);
  await writeFile(path, edit(await readFile(path, 'utf8')));
  return dir;
}

async function problems(dir: string): Promise<string[]> {
  const report = await validateDataset(dir);
  return report.problems.filter((p) => p.severity === 'error').map(formatProblem);
}

const S3 = 's3-bucket-default-encryption-kms.feature';
const NB = 'sagemaker-notebook-no-direct-internet.feature';

describe('validateDataset', () => {
  it('the shipped gold set validates clean', async () => {
    const report = await validateDataset();
    expect(report.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.items).toBeGreaterThanOrEqual(60);
  });

  it('the good fixture validates clean', async () => {
    const report = await validateDataset(good);
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report).toMatchObject({ ok: true, items: 3, errors: 0 });
  });

  it('tags must agree with the index row', async () => {
    const dir = await variant(NB, (t) =>
      t.replace('@severity:high', '@severity:low').replace(' @category:network-exposure', ''),
    );
    const found = await problems(dir);
    expect(found).toContainEqual(
      `${dir}/${NB}:1: tags: @severity:low disagrees with the index row (high); make them agree`,
    );
    expect(found).toContainEqual(`${dir}/${NB}:1: tags: missing @category:network-exposure (from the index row)`);
  });

  it("Reports on must name the row's resource type", async () => {
    const dir = await variant(NB, (t) =>
      t.replace('Reports on: AWS::SageMaker::NotebookInstance', 'Reports on: AWS::SageMaker::Endpoint'),
    );
    expect(await problems(dir)).toContainEqual(
      `${dir}/${NB}:5: Reports on: "AWS::SageMaker::Endpoint" disagrees with the index row's resource_type (AWS::SageMaker::NotebookInstance)`,
    );
  });

  it('3–8 scenarios covering NOT_APPLICABLE, NON_COMPLIANT, COMPLIANT; ERROR when parameters are taken', async () => {
    const few = await variant(NB, (t) => t.slice(0, t.indexOf('  Scenario: Direct internet access is disabled')));
    const found = await problems(few);
    expect(found).toContainEqual(`${few}/${NB}:2: scenarios: 2 scenarios; a gold has 3–8`);
    expect(found).toContainEqual(`${few}/${NB}:2: scenarios: no scenario returns COMPLIANT`);

    const noError = await variant(S3, (t) => t.slice(0, t.indexOf('  Scenario: The key list is not')));
    expect((await problems(noError)).join('\n')).toMatch(
      /:2: scenarios: no scenario returns ERROR \(ERROR: the control takes rule parameters/,
    );
  });

  it("the row's methods must appear in the gold and exist in botocore", async () => {
    const dir = await variant('controls.csv', (t) =>
      t.replace(
        'cloudtrail.describe_trails|cloudtrail.get_trail_status',
        'cloudtrail.describe_trails|cloudtrail.get_event_selectors|cloudtrail.describe_trial',
      ),
    );
    const found = await problems(dir);
    expect(found).toContainEqual(
      `${dir}/controls.csv:4: methods: the index lists cloudtrail.get_event_selectors but the gold never calls "cloudtrail.get_event_selectors"; add a step or drop it from methods`,
    );
    expect(found.join('\n')).toMatch(
      /controls\.csv:4: methods: "cloudtrail" has no method "describe_trial" \(did you mean describe_trails/,
    );
  });

  it('the requirement must not name the API and must be 1–3 sentences', async () => {
    const dir = await variant('controls.csv', (t) =>
      t.replace(
        '"The account must keep at least one active trail that records management events from all regions."',
        '"Use DescribeTrails. One. Two. Three."',
      ),
    );
    const found = await problems(dir);
    expect(found).toContainEqual(`${dir}/controls.csv:4: requirement: 4 sentences; write 1–3`);
    expect(found).toContainEqual(
      `${dir}/controls.csv:4: requirement: names the API DescribeTrails; describe the requirement, not the call`,
    );
  });

  it('style rules from the gherkin rules module apply, with their line', async () => {
    const dir = await variant(NB, (t) =>
      t.replace('Feature: SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS', 'Feature: notebook check'),
    );
    expect((await problems(dir)).join('\n')).toMatch(
      new RegExp(`${NB}:2: Feature "notebook check" is not UPPER_SNAKE_CASE.*\\(rule feature-name\\)`),
    );
  });

  it('every quoted call and member path must ground in botocore (unknown and misplaced are errors)', async () => {
    const dir = await variant(NB, (t) =>
      t
        .replace('"sagemaker.list_notebook_instances"', '"sagemaker.list_notebook_instance"')
        .replace('And its "DirectInternetAccess" is "Enabled"', 'And its "DirectInternetAcces" is "Enabled"'),
    );
    const found = (await problems(dir)).filter((p) => p.includes(': grounding: '));
    expect(
      found.some((p) => p.startsWith(`${dir}/${NB}:9: grounding: unknown method "sagemaker.list_notebook_instance"`)),
    ).toBe(true);
    expect(found.some((p) => p.startsWith(`${dir}/${NB}:14: grounding: unknown path "DirectInternetAcces"`))).toBe(
      true,
    );
  });

  it('a gold must execute: steps understood (warning), no shadowed scenario, no contradiction (errors)', async () => {
    const dir = await variant(NB, (t) =>
      t
        .replace('And its "DirectInternetAccess" is "Disabled"', 'And its "DirectInternetAccess" is "Enabled"')
        .replace(
          'Given "sagemaker.list_notebook_instances" returns no notebook instances',
          'Given there are no notebooks around',
        ),
    );
    const report = await validateDataset(dir);
    const found = report.problems.map(formatProblem);
    expect(found.filter((p) => p.includes('shadowed') || p.includes('state the same conditions'))).toHaveLength(2);
    expect(
      found.some((p) => p.includes(`${NB}:9: warning: steps: the step grammar does not understand this step`)),
    ).toBe(true);
    expect(report.problems.filter((p) => p.check === 'behaviour:contradiction')).toHaveLength(1);
  });

  it('the same gold twice is an error (it would leak as an exemplar); an unlisted .feature is a warning', async () => {
    const sharedFile = await variant('controls.csv', (t) =>
      t.replace(
        'cloudtrail.get_trail_status,cloudtrail-multi-region.feature',
        'cloudtrail.get_trail_status,s3-bucket-default-encryption-kms.feature',
      ),
    );
    expect((await problems(sharedFile)).join('\n')).toContain(
      `${sharedFile}/controls.csv:4: gold: "s3-bucket-default-encryption-kms.feature" is also the gold of s3-bucket-default-encryption-kms`,
    );

    const sameRule = await variant('cloudtrail-multi-region.feature', (t) =>
      t.replace('Feature: MULTI_REGION_CLOUD_TRAIL_ENABLED', 'Feature: S3_DEFAULT_ENCRYPTION_KMS'),
    );
    expect(await problems(sameRule)).toContainEqual(
      `${sameRule}/controls.csv:4: gold: Feature S3_DEFAULT_ENCRYPTION_KMS is also the gold of s3-bucket-default-encryption-kms; the same rule twice would leak as an exemplar`,
    );

    const unlisted = await variant('controls.csv', (t) => t);
    await writeFile(join(unlisted, 'forgotten.feature'), 'Feature: FORGOTTEN_RULE\n');
    const report = await validateDataset(unlisted);
    expect(report.ok).toBe(true);
    expect(report.problems.map(formatProblem)).toEqual([
      `${unlisted}/forgotten.feature: warning: not listed in controls.csv; add its row or remove the file`,
    ]);
  });
});
