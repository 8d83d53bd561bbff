/**
 * Witnesses of conditions that compare a member with a rule parameter another step already sets:
 * the member is fitted to the parameter's value, keeping how the change meant them to stand
 * (a strict comparison stays strict; a `some` witness keeps its one matching element).
 */
import { describe, expect, it } from 'vitest';
import type { DecisionModel } from '../../../src/scoring/behaviour/model.js';
import { witnessOf } from '../../../src/scoring/behaviour/states.js';
import { compileText } from '../fixtures.js';

const witnessVerdicts = (model: DecisionModel) => model.scenarios.map((s) => [s.outcome, witnessOf(model, s).verdict]);

describe('witnesses of comparisons with a parameter another step sets', () => {
  it('keeps a strict age comparison strict (more than "p" days old)', () => {
    const model = compileText(`Feature: ACCESS_KEY_AGE
  Description: Access keys are rotated within the configured age.
  Rule Parameters: maxAccessKeyAge (int, optional)

  Scenario: An old key
    Given the rule parameter "maxAccessKeyAge" is 90
    And an access key in "AccessKeyMetadata[]" returned by "iam.list_access_keys"
    And its "AccessKeyMetadata[].CreateDate" is more than "maxAccessKeyAge" days old
    Then the rule returns NON_COMPLIANT

  Scenario: A young key
    Given the rule parameter "maxAccessKeyAge" is 90
    And an access key in "AccessKeyMetadata[]" returned by "iam.list_access_keys"
    And its "AccessKeyMetadata[].CreateDate" is "maxAccessKeyAge" days old or less
    Then the rule returns COMPLIANT
`);
    expect(model.unknown).toEqual([]);
    expect(witnessVerdicts(model)).toEqual([
      ['NON_COMPLIANT', 'NON_COMPLIANT'],
      ['COMPLIANT', 'COMPLIANT'],
    ]);
  });

  it('keeps the matching element of a some-witness equal to the parameter', () => {
    const model = compileText(`Feature: FLOW_LOG_GROUP
  Description: A flow log delivers to the configured log group.
  Rule Parameters: logGroupName (string, required)

  Scenario: A flow log delivers to the group
    Given the rule parameter "logGroupName" is audit-logs
    And a set of flow logs returned by "ec2.describe_flow_logs"
    And some "FlowLogs[].LogGroupName" equals "logGroupName"
    Then the rule returns COMPLIANT

  Scenario: No flow log delivers to the group
    Given the rule parameter "logGroupName" is audit-logs
    And a set of flow logs returned by "ec2.describe_flow_logs"
    And no "FlowLogs[].LogGroupName" equals "logGroupName"
    Then the rule returns NON_COMPLIANT
`);
    expect(model.unknown).toEqual([]);
    expect(witnessVerdicts(model)).toEqual([
      ['COMPLIANT', 'COMPLIANT'],
      ['NON_COMPLIANT', 'NON_COMPLIANT'],
    ]);
  });
});
