@control:SecretsManager.4 @severity:medium @resource:AWS::SecretsManager::Secret @category:access-control
Feature: SECRETSMANAGER_SECRET_PERIODIC_ROTATION
  Description: Every Secrets Manager secret must actually have been rotated within the last N days (90 unless configured), whether or not a rotation schedule exists.
  Trigger: Periodic
  Reports on: AWS::SecretsManager::Secret
  Rule Parameters: maxDaysSinceRotation (int, optional, default 90): most days allowed since the last rotation, 1 to 180

  Scenario: No secrets exist
    Given "secretsmanager.list_secrets", paged with "NextToken" until it is not set, returns an empty "SecretList[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: The secret was last rotated too long ago
    Given "maxDaysSinceRotation" is 90
    And a secret listed by "secretsmanager.list_secrets"
    And "secretsmanager.describe_secret" returns a "LastRotatedDate"
    And its "LastRotatedDate" is more than 90 days old
    Then the rule returns NON_COMPLIANT
    And the annotation is "Secret has not been rotated in 120 days"

  Scenario: The secret has never been rotated and is older than the limit
    Given "maxDaysSinceRotation" is 90
    And "secretsmanager.describe_secret" returns no "LastRotatedDate"
    And its "CreatedDate" is more than 90 days old
    Then the rule returns NON_COMPLIANT

  Scenario: The secret was rotated recently
    Given "maxDaysSinceRotation" is 90
    And "secretsmanager.describe_secret" returns a "LastRotatedDate"
    And its "LastRotatedDate" is 90 days old or less
    Then the rule returns COMPLIANT

  Scenario: A custom limit is used
    Given "maxDaysSinceRotation" is 30
    And "secretsmanager.describe_secret" returns a "LastRotatedDate"
    And its "LastRotatedDate" is more than 30 days old
    Then the rule returns NON_COMPLIANT

  Scenario: An invalid rule parameter
    Given the rule parameter "maxDaysSinceRotation" is not a valid number of days from 1 to 180
    Then the rule returns ERROR
