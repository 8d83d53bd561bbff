@control:none @severity:medium @resource:AWS::Logs::LogGroup @category:encryption-at-rest
Feature: CLOUDWATCH_LOG_GROUP_ENCRYPTED
  Description: CloudWatch Logs log groups must encrypt their log data with a customer managed AWS KMS key, optionally a specific key, rather than only the service's default encryption.
  Trigger: Periodic
  Reports on: AWS::Logs::LogGroup
  Rule Parameters: kmsKeyId (String, optional, default none): ARN of the KMS key every log group must use

  Scenario: No log groups exist
    Given "logs.describe_log_groups", paged with "nextToken" until it is not set, returns an empty "logGroups[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: The log group has no KMS key
    Given a log group returned by "logs.describe_log_groups"
    And its "logGroups[].kmsKeyId" is not set
    Then the rule returns NON_COMPLIANT
    And the annotation is "Log group is not encrypted with a KMS key"

  Scenario: The log group uses a different key than required
    Given "kmsKeyId" is arn:aws:kms:us-east-1:111122223333:key/required-key-id
    And a log group returned by "logs.describe_log_groups" whose "logGroups[].kmsKeyId" does not equal "kmsKeyId"
    Then the rule returns NON_COMPLIANT

  Scenario: The log group uses the required key
    Given "kmsKeyId" is arn:aws:kms:us-east-1:111122223333:key/required-key-id
    And a log group returned by "logs.describe_log_groups" whose "logGroups[].kmsKeyId" equals "kmsKeyId"
    Then the rule returns COMPLIANT

  Scenario: Any KMS key is accepted when no key is required
    Given "kmsKeyId" is not set
    And a log group returned by "logs.describe_log_groups" whose "logGroups[].kmsKeyId" starts with arn:aws:kms:
    Then the rule returns COMPLIANT

  Scenario: An invalid rule parameter
    Given the rule parameter "kmsKeyId" is not a valid KMS key ARN
    Then the rule returns ERROR
