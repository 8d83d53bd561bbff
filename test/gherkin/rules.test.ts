import { describe, expect, it } from 'vitest';
import { parseControl } from '../../src/gherkin/parse.js';
import { checkStructure, STRUCTURE_RULES } from '../../src/gherkin/rules.js';

const GOOD = `@control:SageMaker.1 @severity:high @resource:AWS::SageMaker::NotebookInstance @category:network-exposure
Feature: SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS
  Description: SageMaker notebook instances must not have direct internet access.
  Trigger: Periodic
  Reports on: AWS::SageMaker::NotebookInstance
  Rule Parameters: None

  Scenario: No notebook instances exist
    Given "sagemaker.list_notebook_instances" returns no notebook instances
    Then the rule returns NOT_APPLICABLE

  Scenario: Direct internet access is enabled
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "DirectInternetAccess" is "Enabled"
    Then the rule returns NON_COMPLIANT
    And the annotation is "Direct internet access is enabled"

  Scenario: Direct internet access is disabled
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "DirectInternetAccess" is "Disabled"
    Then the rule returns COMPLIANT
`;

function verdicts(text: string) {
  const parsed = parseControl(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return Object.fromEntries(checkStructure(text, parsed.control).map((v) => [v.rule, v]));
}

function failing(text: string): string[] {
  return Object.values(verdicts(text))
    .filter((v) => !v.pass)
    .map((v) => v.rule);
}

describe('checkStructure', () => {
  it('passes every rule on a canonical control, in table order', () => {
    const parsed = parseControl(GOOD);
    if (!parsed.ok) throw new Error('fixture must parse');
    const result = checkStructure(GOOD, parsed.control);
    expect(result.map((v) => v.rule)).toEqual(Object.keys(STRUCTURE_RULES));
    expect(result.filter((v) => !v.pass)).toEqual([]);
  });

  it('rejects a feature name that is not UPPER_SNAKE_CASE', () => {
    const v = verdicts(GOOD.replace('SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS', 'Notebook internet access'));
    expect(v['feature-name']?.pass).toBe(false);
    expect(v['feature-name']?.line).toBe(2);
  });

  it('names the missing description field', () => {
    const v = verdicts(GOOD.replace('  Trigger: Periodic\n', ''));
    expect(v['description-fields']?.pass).toBe(false);
    expect(v['description-fields']?.message).toContain('Trigger');
    expect(v['description-fields']?.message).not.toContain('Reports on');
  });

  it('fails every scenario rule when there are no scenarios', () => {
    const header = GOOD.slice(0, GOOD.indexOf('  Scenario:'));
    expect(failing(header)).toEqual([
      'has-scenario',
      'given-and-then',
      'then-outcome',
      'unique-scenarios',
      'non-empty-scenarios',
    ]);
  });

  it('finds a scenario without a Then and points at it', () => {
    const text = GOOD.replace('    Then the rule returns NOT_APPLICABLE\n', '');
    const v = verdicts(text);
    expect(v['given-and-then']?.pass).toBe(false);
    expect(v['given-and-then']?.message).toContain('No notebook instances exist');
    expect(v['given-and-then']?.line).toBe(8);
  });

  it('requires every Then to state a compliance result but lets And add an annotation', () => {
    expect(verdicts(GOOD)['then-outcome']?.pass).toBe(true);
    const v = verdicts(GOOD.replace('Then the rule returns COMPLIANT', 'Then the notebook is fine'));
    expect(v['then-outcome']?.pass).toBe(false);
    expect(v['then-outcome']?.line).toBe(21);
  });

  it('finds duplicate scenario names and duplicate step lists', () => {
    const dupName = GOOD.replace(
      'Scenario: Direct internet access is disabled',
      'Scenario: Direct internet access is enabled',
    );
    expect(verdicts(dupName)['unique-scenarios']?.pass).toBe(false);
    const dupSteps = `${GOOD}
  Scenario: Same steps, other name
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "DirectInternetAccess" is "Disabled"
    Then the rule returns COMPLIANT
`;
    const v = verdicts(dupSteps);
    expect(v['unique-scenarios']?.pass).toBe(false);
    expect(v['unique-scenarios']?.message).toContain('Direct internet access is disabled');
  });

  it('finds an empty scenario', () => {
    const v = verdicts(`${GOOD}\n  Scenario: Nothing here yet\n`);
    expect(v['non-empty-scenarios']?.pass).toBe(false);
    expect(v['non-empty-scenarios']?.line).toBe(23);
  });

  it.each([
    ['TODO', 'And its "DirectInternetAccess" is "Enabled" TODO check more'],
    ['ellipsis', 'And its "DirectInternetAccess" is "Enabled" ...'],
    ['unicode ellipsis', 'And its "DirectInternetAccess" is "Enabled" …'],
    ['angle placeholder', 'And its "<field name>" is "Enabled"'],
    ['mustache', 'And its "{{field}}" is "Enabled"'],
  ])('flags a placeholder: %s', (_, replacement) => {
    const v = verdicts(GOOD.replace('And its "DirectInternetAccess" is "Enabled"', replacement));
    expect(v['no-placeholders']?.pass).toBe(false);
    expect(v['no-placeholders']?.line).toBe(14);
  });

  it('allows <name> inside a Scenario Outline but not after it', () => {
    const outline = `${GOOD}
  Scenario Outline: Access value <value>
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "DirectInternetAccess" is "<value>"
    Then the rule returns <outcome>

    Examples:
      | value    | outcome       |
      | Enabled  | NON_COMPLIANT |
`;
    expect(verdicts(outline)['no-placeholders']?.pass).toBe(true);
    const after = `${outline}
  Scenario: Trailing
    Given a notebook instance with "<bad>"
    Then the rule returns COMPLIANT
`;
    expect(verdicts(after)['no-placeholders']?.pass).toBe(false);
  });

  it('checks control, severity and resource tags', () => {
    expect(verdicts(GOOD.replace('@severity:high ', '')).tags?.message).toContain('@severity missing');
    expect(verdicts(GOOD.replace('@severity:high', '@severity:urgent')).tags?.pass).toBe(false);
    expect(verdicts(GOOD.replace('@resource:AWS::SageMaker::NotebookInstance', '@resource:notebook')).tags?.pass).toBe(
      false,
    );
    expect(verdicts(GOOD.replace('@control:SageMaker.1', '@control:none')).tags?.pass).toBe(true);
    expect(verdicts(GOOD.replace('@control:SageMaker.1 ', '')).tags?.pass).toBe(false);
  });
});

describe('checkStructure with a Background', () => {
  it('lets a Background Given stand for every scenario', () => {
    const text = `${GOOD.slice(0, GOOD.indexOf('  Scenario:'))}  Background:
    Given a notebook instance described by "sagemaker.describe_notebook_instance"

  Scenario: Direct internet access is enabled
    When its "DirectInternetAccess" is "Enabled"
    Then the rule returns NON_COMPLIANT
`;
    const parsed = parseControl(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const verdict = checkStructure(text, parsed.control).find((v) => v.rule === 'given-and-then');
    expect(verdict?.pass).toBe(true);
    const without = text.replace('  Background:\n    Given a notebook', '  Background:\n    * a notebook');
    const reparsed = parseControl(without);
    if (!reparsed.ok) throw new Error(reparsed.error.message);
    expect(checkStructure(without, reparsed.control).find((v) => v.rule === 'given-and-then')?.pass).toBe(false);
  });
});
