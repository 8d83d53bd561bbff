@control:SecretsManager.1 @severity:medium @resource:AWS::SecretsManager::Secret @category:access-control
Feature: SECRETSMANAGER_ROTATION_ENABLED_CHECK
  Description: Secrets Manager secrets must have automatic rotation configured, with a rotation function or managed rotation and a rotation schedule, so long-lived credentials are replaced without manual action.
  Trigger: Configuration changes
  Reports on: AWS::SecretsManager::Secret
  Rule Parameters: None

  Scenario: No secrets exist
    Given "secretsmanager.list_secrets", paged with "NextToken" until it is not set, returns an empty "SecretList[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: A secret scheduled for deletion is not evaluated
    Given a secret listed by "secretsmanager.list_secrets" whose "SecretList[].DeletedDate" is set
    Then the rule returns NOT_APPLICABLE

  Scenario: Rotation is not enabled
    Given a secret listed in "SecretList[].ARN" by "secretsmanager.list_secrets"
    And "secretsmanager.describe_secret" for that secret returns "RotationEnabled" is false or not set
    Then the rule returns NON_COMPLIANT
    And the annotation is "Automatic rotation is not enabled"

  Scenario: Rotation is enabled with a schedule
    Given "secretsmanager.describe_secret" returns "RotationEnabled" true
    And either its "RotationRules.AutomaticallyAfterDays" is set or its "RotationRules.ScheduleExpression" is set
    Then the rule returns COMPLIANT
