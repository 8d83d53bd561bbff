import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/load.js';
import { formatProblem } from '../../src/dataset/problems.js';
import { validateDataset } from '../../src/dataset/validate.js';

const shipped = join('datasets', 'aws-config-rules');
const good = join('test', 'fixtures', 'dataset', 'good');
const NB = 'sagemaker-notebook-no-direct-internet.feature';

/** A copy of the good fixture whose notebook gold no longer returns NOT_APPLICABLE anywhere. */
async function withoutNotApplicable(provenance?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gb-provenance-'));
  await cp(good, dir, { recursive: true });
  const path = join(dir, NB);
  const text = await readFile(path, 'utf8');
  await writeFile(path, text.replace('returns NOT_APPLICABLE', 'returns COMPLIANT'));
  if (provenance !== undefined) await writeFile(join(dir, 'dataset.yaml'), provenance);
  return dir;
}

/**
 * A copy of the good fixture whose notebook gold has a second "enabled" scenario with the same
 * steps under another name, as when engineers told two cases apart by something the code never reads.
 */
async function withTwinScenario(provenance?: string): Promise<string> {
  const dir = await withoutNotApplicable(provenance);
  const path = join(dir, NB);
  const text = (await readFile(path, 'utf8')).replace('returns COMPLIANT', 'returns NOT_APPLICABLE');
  const twin = `
  Scenario: Direct internet access is enabled and the instance is stopped
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "DirectInternetAccess" is "Enabled"
    Then the rule returns NON_COMPLIANT
`;
  await writeFile(path, `${text.trimEnd()}\n${twin}`);
  return dir;
}

describe('the engineer-written set (datasets/aws-config-rules)', () => {
  it('validates with no error: at least 55 items over at least 15 services, both splits', async () => {
    const report = await validateDataset(shipped);
    expect(report.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    const dataset = await loadDataset(shipped);
    expect(dataset.items.length).toBeGreaterThanOrEqual(55);
    expect(new Set(dataset.items.map((i) => i.service)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(dataset.items.map((i) => i.split))).toEqual(new Set(['fewshot', 'eval']));
  });

  it("keeps each restated step's original line as an `# engineers:` comment right above a step", async () => {
    const dataset = await loadDataset(shipped);
    let restated = 0;
    for (const item of dataset.items) {
      const lines = item.goldText.split('\n');
      lines.forEach((line, i) => {
        if (!line.trim().startsWith('# engineers:')) return;
        restated += 1;
        expect(line.trim()).toMatch(/^# engineers: (Given|And|But|Then) \S/);
        expect(lines[i + 1]?.trim()).toMatch(/^(Given|And|But|Then) /);
      });
    }
    expect(restated).toBeGreaterThan(0);
  });
});

describe('dataset.yaml (provenance)', () => {
  it('without it, a gold missing NOT_APPLICABLE is an error', async () => {
    const report = await validateDataset(await withoutNotApplicable());
    expect(report.ok).toBe(false);
    expect(report.problems.find((p) => p.check === 'outcome-coverage')?.severity).toBe('error');
  });

  it('with scenarios: as-written, the same gap is a warning naming the policy', async () => {
    const report = await validateDataset(await withoutNotApplicable('origin: imported\nscenarios: as-written\n'));
    const coverage = report.problems.find((p) => p.check === 'outcome-coverage');
    expect(coverage?.severity).toBe('warning');
    expect(coverage?.message).toContain('dataset.yaml scenarios: as-written');
    expect(report.ok).toBe(true);
  });

  it('two scenarios with the same steps are an error, and a warning in an as-written set', async () => {
    const canonical = await validateDataset(await withTwinScenario());
    expect(canonical.problems.find((p) => p.check === 'style:unique-scenarios')?.severity).toBe('error');
    expect(canonical.ok).toBe(false);
    const asWritten = await validateDataset(await withTwinScenario('origin: imported\nscenarios: as-written\n'));
    const twin = asWritten.problems.find((p) => p.check === 'style:unique-scenarios');
    expect(twin?.severity).toBe('warning');
    expect(twin?.message).toMatch(/repeats the steps of .*kept as the engineers wrote it/);
    expect(asWritten.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });

  it('a malformed dataset.yaml is a bad-input error naming the file and field', async () => {
    const dir = await withoutNotApplicable('origin: imported\nscenarios: loose\n');
    await expect(validateDataset(dir)).rejects.toThrow(/dataset\.yaml.*scenarios/);
  });
});
