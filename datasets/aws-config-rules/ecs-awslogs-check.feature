@control:none @severity:medium @resource:AWS::ECS::TaskDefinition @category:monitoring
Feature: ECS_AWSLOGS_CHECK
  Description: Check ECS Task Definitions for presence of awslogs driver
  Trigger: Periodic
  Reports on: AWS::ECS::TaskDefinition
  Rule Parameters: taskDefinition (string, required, default none): Comma-separated task definitions to check (case sensitive).

  Background:
    Given the rule's code calls "ecs.describe_task_definition"

  Scenario: Rules parameter is provided and it contains a parameter key other than TaskDefinition
    # engineers: Given rules parameter is provided | And it contains a parameter key other than TaskDefinition
    Given the rule parameter "taskDefinition" is not set
    Then the rule returns ERROR

  Scenario: Rules parameter is provided. TaskDefinition is specified and there is no value specified for TaskDefinition
    # engineers: Given rules parameter is provided. TaskDefinition is specified.
    Given the rule parameter "taskDefinition" is set
    # engineers: And there is no value specified for TaskDefinition
    And the rule parameter "taskDefinition" is empty
    Then the rule returns ERROR

  Scenario: Rules parameter is provided. TaskDefinition is specified
    # engineers: Given rules parameter is provided. TaskDefinition is specified
    Given the rule parameter "taskDefinition" is not empty
    # engineers: And task Definitions match TaskDefinitions (case sensitive) specified in values.
    And a task definition described by "ecs.describe_task_definition"
    # engineers: Then Return COMPLIANT with annotation if TaskDefinitions have awslogs driver.
    And some "taskDefinition.requiresAttributes[].name" is com.amazonaws.ecs.capability.logging-driver.awslogs
    Then the rule returns COMPLIANT
    And the annotation is "if TaskDefinitions have awslogs driver"

  Scenario: Rules parameters are provided. TaskDefinition is specified
    # engineers: Given rules parameters are provided. TaskDefinition is specified
    Given the rule parameter "taskDefinition" is not empty
    # engineers: And task Definitions match TaskDefinitions (case sensitive) specified in values.
    And a task definition described by "ecs.describe_task_definition"
    # engineers: Then Return NON_COMPLIANT with annotation if TaskDefinitions have no awslogs driver.
    And no "taskDefinition.requiresAttributes[].name" is com.amazonaws.ecs.capability.logging-driver.awslogs
    Then the rule returns NON_COMPLIANT
    And the annotation is "if TaskDefinitions have no awslogs driver"
