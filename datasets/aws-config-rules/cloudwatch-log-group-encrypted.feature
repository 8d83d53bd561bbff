@control:none @severity:medium @resource:AWS::Logs::LogGroup @category:encryption-at-rest
Feature: CLOUDWATCH_LOG_GROUP_ENCRYPTED
  Description: Checks whether the AWS CloudWatch Log Group is encrypted. The rule is NON_COMPLIANT if the CloudWatch has Log Group without encryption enabled.
  Trigger: Periodic
  Reports on: AWS::Logs::LogGroup
  Rule Parameters: kmsKeyId (string, optional, default none): ARN of the KMS key that is used to encrypt the CloudWatch Log Group

  Background:
    Given the rule's code calls "logs.describe_log_groups"

  Scenario: The rule parameters KmsKeyId has invalid ARN Value
    Given the rule parameters KmsKeyId has invalid ARN Value.
    Then the rule returns ERROR

  Scenario: No CloudWatch Log Group is present
    Given no CloudWatch Log Group is present.
    Then the rule returns NOT_APPLICABLE

  Scenario: At least one CloudWatch Log Group is present
    Given at least one CloudWatch Log Group is present.
    And log Group is not encrypted (DescribeLogGroups call does not return the 'kmsKeyId' name/value pair).
    Then the rule returns NON_COMPLIANT

  Scenario: At least one CloudWatch Log Group is present and kmsKeyId parameter is not configured
    Given at least one CloudWatch Log Group is present.
    And log Group is encrypted (DescribeLogGroups call does not return the 'kmsKeyId' name/value pair).
    And kmsKeyId parameter is not configured.
    Then the rule returns COMPLIANT

  Scenario: At least one CloudWatch Log Group is present (Scenario 5)
    Given at least one CloudWatch Log Group is present.
    And log Group is encrypted (DescribeLogGroups call returns the 'kmsKeyId' name/value pair).
    And kmsKeyId parameter is configured.
    And kmsKeyId parameter is not matching the KmsKeyId value from the DescribeLogGroups API call.
    Then the rule returns NON_COMPLIANT

  Scenario: At least one CloudWatch Log Group is present (Scenario 6)
    Given at least one CloudWatch Log Group is present.
    And log Group is encrypted (DescribeLogGroups call returns the 'kmsKeyId' name/value pair).
    And kmsKeyId parameter is configured.
    And kmsKeyId parameter is matching the KmsKeyId value from the DescribeLogGroups API call.
    Then the rule returns COMPLIANT
