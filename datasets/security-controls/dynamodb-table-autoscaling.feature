@control:DynamoDB.1 @severity:medium @resource:AWS::DynamoDB::Table @category:resilience
Feature: DYNAMODB_AUTOSCALING_ENABLED
  Description: DynamoDB tables must be able to follow demand: either on-demand capacity, or provisioned capacity whose reads and writes are registered for Application Auto Scaling.
  Trigger: Periodic
  Reports on: AWS::DynamoDB::Table
  Rule Parameters: None

  Scenario: The account has no tables
    Given "dynamodb.list_tables" returns an empty "TableNames" list and no "LastEvaluatedTableName"
    Then the rule returns NOT_APPLICABLE

  Scenario: An on-demand table scales by itself
    Given a table described by "dynamodb.describe_table"
    And its "Table.BillingModeSummary.BillingMode" is "PAY_PER_REQUEST"
    Then the rule returns COMPLIANT

  Scenario: A provisioned table has no scalable targets
    Given a table named Orders described by "dynamodb.describe_table" whose "Table.BillingModeSummary.BillingMode" is "PROVISIONED" or not set
    And "application-autoscaling.describe_scalable_targets" for service namespace dynamodb and resource id table/Orders returns an empty "ScalableTargets[]" list
    Then the rule returns NON_COMPLIANT

  Scenario: Only write capacity of a provisioned table is auto scaled
    Given a table described by "dynamodb.describe_table" whose "Table.BillingModeSummary.BillingMode" is "PROVISIONED"
    And "application-autoscaling.describe_scalable_targets" returns "ScalableTargets[].ScalableDimension" "dynamodb:table:WriteCapacityUnits"
    And the number of "ScalableTargets[]" is 1
    Then the rule returns NON_COMPLIANT

  Scenario: Reads and writes of a provisioned table are auto scaled
    Given a table described by "dynamodb.describe_table" whose "Table.BillingModeSummary.BillingMode" is "PROVISIONED"
    And "application-autoscaling.describe_scalable_targets" returns a "ScalableTargets[]"
    And its "ScalableTargets[].ScalableDimension" holds "dynamodb:table:ReadCapacityUnits" and "dynamodb:table:WriteCapacityUnits"
    Then the rule returns COMPLIANT
