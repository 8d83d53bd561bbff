import { describe, expect, it } from 'vitest';
import { parseControl } from '../../../src/gherkin/parse.js';
import { checkStructure } from '../../../src/gherkin/rules.js';
import { CORRUPTIONS, FILLER } from '../../../src/scoring/calibration/corrupt.js';
import { LOGIC_CORRUPTIONS } from '../../../src/scoring/calibration/logic-corruptions.js';
import { goldItem } from '../fixtures.js';

const gold = goldItem().goldText;
const apply = (id: string): string => {
  const corruption = CORRUPTIONS.find((c) => c.id === id);
  const text = corruption?.apply(gold, 'sagemaker');
  if (typeof text !== 'string') throw new Error(`${id} did not apply`);
  return text;
};
const parsed = (text: string) => {
  const result = parseControl(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.control;
};
const changedLines = (text: string): string[] => {
  const before = gold.split('\n');
  return text.split('\n').filter((line, i) => line !== before[i]);
};

describe('corruptions of a gold gherkin', () => {
  it('are deterministic and all change the text', () => {
    for (const c of CORRUPTIONS.filter((x) => !LOGIC_CORRUPTIONS.includes(x))) {
      const once = c.apply(gold, 'sagemaker');
      expect(once, c.id).not.toBeNull();
      expect(once, c.id).not.toBe(gold);
      expect(c.apply(gold, 'sagemaker'), c.id).toBe(once);
    }
  });

  it('wrong-member-path renames the most used path everywhere and nothing else', () => {
    const text = apply('wrong-member-path');
    expect(changedLines(text)).toEqual([
      '    And its "DirectInternetAccessSetting" is "Enabled"',
      '    And its "DirectInternetAccessSetting" is "Disabled"',
    ]);
  });

  it('inverted-expected-value swaps COMPLIANT and NON_COMPLIANT in Then steps only', () => {
    const control = parsed(apply('inverted-expected-value'));
    expect(control.scenarios.map((s) => s.outcomes)).toEqual([['NOT_APPLICABLE'], ['COMPLIANT'], ['NON_COMPLIANT']]);
  });

  it('non-compliant-dropped removes every NON_COMPLIANT scenario and still parses', () => {
    const control = parsed(apply('non-compliant-dropped'));
    expect(control.scenarios.map((s) => s.name)).toEqual([
      'No notebook instances exist',
      'Direct internet access is disabled',
    ]);
  });

  it('wrong-service moves every call to another service', () => {
    const text = apply('wrong-service');
    expect(text).toContain('"ec2.describe_notebook_instance"');
    expect(text).toContain('"ec2.list_notebook_instances"');
    expect(text).not.toContain('"sagemaker.');
    expect(
      CORRUPTIONS.find((c) => c.id === 'wrong-service')?.apply(gold.replaceAll('sagemaker.', 'ec2.'), 'ec2'),
    ).toContain('"s3.describe_notebook_instance"');
  });

  it('then-removed drops the first Then (and its And lines) only', () => {
    const control = parsed(apply('then-removed'));
    expect(control.scenarios[0]?.steps.map((s) => s.kind)).toEqual(['given']);
    expect(control.scenarios[1]?.outcomes).toEqual(['NON_COMPLIANT']);
  });

  it('scenarios-shuffled reverses the scenarios and keeps every step', () => {
    const control = parsed(apply('scenarios-shuffled'));
    const original = parsed(gold);
    expect(control.scenarios.map((s) => s.name)).toEqual(original.scenarios.map((s) => s.name).reverse());
    expect(control.scenarios.flatMap((s) => s.steps.map((x) => x.text)).sort()).toEqual(
      original.scenarios.flatMap((s) => s.steps.map((x) => x.text)).sort(),
    );
  });

  it('verbose-padding adds filler but keeps every structure rule met', () => {
    const text = apply('verbose-padding');
    expect(text).toContain(FILLER.description);
    expect(text.split(FILLER.step).length - 1).toBe(3);
    const control = parsed(text);
    expect(checkStructure(text, control).filter((v) => !v.pass)).toEqual([]);
    expect(control.outcomes).toEqual(parsed(gold).outcomes);
  });

  it('return null when there is nothing to corrupt', () => {
    const bare = 'Feature: X\n  Scenario: only\n    Given nothing\n    Then the rule returns COMPLIANT\n';
    expect(CORRUPTIONS.find((c) => c.id === 'non-compliant-dropped')?.apply(bare, 'sagemaker')).toBeNull();
    expect(CORRUPTIONS.find((c) => c.id === 'scenarios-shuffled')?.apply(bare, 'sagemaker')).toBeNull();
    expect(CORRUPTIONS.find((c) => c.id === 'wrong-member-path')?.apply(bare, 'sagemaker')).toBeNull();
  });
});
