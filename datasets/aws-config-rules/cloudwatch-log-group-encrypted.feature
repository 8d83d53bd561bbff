@control:none @severity:medium @resource:AWS::Logs::LogGroup @category:encryption-at-rest
Feature: CLOUDWATCH_LOG_GROUP_ENCRYPTED
  Description: Checks whether the AWS CloudWatch Log Group is encrypted. The rule is NON_COMPLIANT if the CloudWatch has Log Group without encryption enabled.
  Trigger: Periodic
  Reports on: AWS::Logs::LogGroup
  Rule Parameters: kmsKeyId (string, optional, default none): ARN of the KMS key that is used to encrypt the CloudWatch Log Group

  Background:
    Given the rule's code calls "logs.describe_log_groups"

  Scenario: The rule parameters KmsKeyId has invalid ARN Value
    # engineers: Given the rule parameters KmsKeyId has invalid ARN Value.
    Given the rule parameter "kmsKeyId" is not a valid KMS key ARN
    Then the rule returns ERROR

  Scenario: No CloudWatch Log Group is present
    # engineers: Given no CloudWatch Log Group is present.
    Given "logs.describe_log_groups" returns an empty "logGroups[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: At least one CloudWatch Log Group is present
    # engineers: Given at least one CloudWatch Log Group is present.
    Given a log group in "logGroups[]" returned by "logs.describe_log_groups"
    # engineers: And log Group is not encrypted (DescribeLogGroups call does not return the 'kmsKeyId' name/value pair).
    And its "logGroups[].kmsKeyId" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: At least one CloudWatch Log Group is present and kmsKeyId parameter is not configured
    # engineers: Given at least one CloudWatch Log Group is present.
    Given a log group in "logGroups[]" returned by "logs.describe_log_groups"
    # engineers: And log Group is encrypted (DescribeLogGroups call does not return the 'kmsKeyId' name/value pair).
    And its "logGroups[].kmsKeyId" is set
    # engineers: And kmsKeyId parameter is not configured.
    And the rule parameter "kmsKeyId" is not set
    Then the rule returns COMPLIANT

  Scenario: At least one CloudWatch Log Group is present (Scenario 5)
    # engineers: Given at least one CloudWatch Log Group is present.
    Given a log group in "logGroups[]" returned by "logs.describe_log_groups"
    # engineers: And log Group is encrypted (DescribeLogGroups call returns the 'kmsKeyId' name/value pair).
    And its "logGroups[].kmsKeyId" is set
    # engineers: And kmsKeyId parameter is configured.
    And the rule parameter "kmsKeyId" is set
    # engineers: And kmsKeyId parameter is not matching the KmsKeyId value from the DescribeLogGroups API call.
    And its "logGroups[].kmsKeyId" does not equal "kmsKeyId"
    Then the rule returns NON_COMPLIANT

  Scenario: At least one CloudWatch Log Group is present (Scenario 6)
    # engineers: Given at least one CloudWatch Log Group is present.
    Given a log group in "logGroups[]" returned by "logs.describe_log_groups"
    # engineers: And log Group is encrypted (DescribeLogGroups call returns the 'kmsKeyId' name/value pair).
    And its "logGroups[].kmsKeyId" is set
    # engineers: And kmsKeyId parameter is configured.
    And the rule parameter "kmsKeyId" is set
    # engineers: And kmsKeyId parameter is matching the KmsKeyId value from the DescribeLogGroups API call.
    And its "logGroups[].kmsKeyId" equals "kmsKeyId"
    Then the rule returns COMPLIANT
