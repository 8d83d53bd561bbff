import { describe, expect, it } from 'vitest';
import { outcomesIn, parseControl } from '../../src/gherkin/parse.js';

/** A control whose annotations quote the engineers' wording, outcome words included. */
const ANNOTATED = `@control:none @severity:medium @resource:AWS::SQS::Queue
Feature: SQS_ENCRYPTION_CHECK
  Description: SQS queues are encrypted at rest.
  Trigger: Periodic
  Reports on: AWS::SQS::Queue
  Rule Parameters: None

  Scenario: Encrypted queue
    Given a queue described by "sqs.get_queue_attributes"
    And the "Attributes{}" value of KmsMasterKeyId is set
    Then the rule returns COMPLIANT
    And the annotation is "if SQS queues have encryption at rest enabled. Otherwise, return NON_COMPLIANT"

  Scenario: Unencrypted queue
    Given a queue described by "sqs.get_queue_attributes"
    And the "Attributes{}" value of KmsMasterKeyId is not set
    Then the rule returns NON_COMPLIANT
    But the annotation is "not COMPLIANT: no key"
`;

function parsed(text: string) {
  const result = parseControl(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.control;
}

describe('outcomesIn', () => {
  it('reads every outcome word of a step', () => {
    expect(outcomesIn('the rule returns NON_COMPLIANT')).toEqual(['NON_COMPLIANT']);
    expect(outcomesIn('the rule returns COMPLIANT or NOT_APPLICABLE')).toEqual(['COMPLIANT', 'NOT_APPLICABLE']);
  });

  it('reads no outcome in an annotation step, whatever words it quotes', () => {
    expect(outcomesIn('the annotation is "Otherwise, return NON_COMPLIANT"')).toEqual([]);
    expect(outcomesIn('The Annotation is "ERROR when the parameter is invalid"')).toEqual([]);
  });
});

describe('parseControl outcomes', () => {
  it('gives each scenario only the outcome its Then step states, not its annotation', () => {
    const control = parsed(ANNOTATED);
    expect(control.scenarios.map((s) => s.outcomes)).toEqual([['COMPLIANT'], ['NON_COMPLIANT']]);
    expect(control.outcomes).toEqual(['COMPLIANT', 'NON_COMPLIANT']);
  });

  it('still counts an outcome stated by an And step after Then that is not an annotation', () => {
    const control = parsed(
      ANNOTATED.replace('But the annotation is "not COMPLIANT: no key"', 'And the rule returns ERROR'),
    );
    expect(control.scenarios[1]?.outcomes).toEqual(['NON_COMPLIANT', 'ERROR']);
  });
});
