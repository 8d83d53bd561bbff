@control:DynamoDB.2 @severity:medium @resource:AWS::DynamoDB::Table @category:resilience
Feature: DYNAMODB_PITR_ENABLED
  Description: DynamoDB tables must have point-in-time recovery enabled, so that the table can be restored to any second within the recovery period.
  Trigger: Configuration changes
  Reports on: AWS::DynamoDB::Table
  Rule Parameters: None

  Scenario: The account has no tables
    Given "dynamodb.list_tables" returns an empty "TableNames" list and no "LastEvaluatedTableName"
    Then the rule returns NOT_APPLICABLE

  Scenario: Point-in-time recovery is disabled
    Given a table named in "TableNames" by "dynamodb.list_tables"
    And "dynamodb.describe_continuous_backups" for that table returns "ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus" as "DISABLED"
    Then the rule returns NON_COMPLIANT

  Scenario: Point-in-time recovery is enabled
    Given a table named in "TableNames" by "dynamodb.list_tables"
    And "dynamodb.describe_continuous_backups" for that table returns "ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus" as "ENABLED"
    Then the rule returns COMPLIANT

  Scenario: The recovery description is missing
    Given "dynamodb.describe_continuous_backups" for a table returns "ContinuousBackupsDescription.ContinuousBackupsStatus" as "ENABLED"
    And its "ContinuousBackupsDescription.PointInTimeRecoveryDescription" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: Tables after the first page of names are evaluated
    Given "dynamodb.list_tables" returns a "LastEvaluatedTableName"
    And "dynamodb.describe_continuous_backups" for a table on the next page returns "ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus" as "DISABLED"
    Then the rule returns NON_COMPLIANT
