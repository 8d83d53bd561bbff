@control:none @severity:medium @resource:AWS::ECS::TaskDefinition @category:monitoring
Feature: ECS_AWSLOGS_CHECK
  Description: Check ECS Task Definitions for presence of awslogs driver
  Trigger: Periodic
  Reports on: AWS::ECS::TaskDefinition
  Rule Parameters: None

  Background:
    Given the rule's code calls "ecs.describe_task_definition"

  Scenario: Rules parameter is provided and it contains a parameter key other than TaskDefinition
    Given rules parameter is provided
    And it contains a parameter key other than TaskDefinition
    Then the rule returns ERROR

  Scenario: Rules parameter is provided. TaskDefinition is specified and there is no value specified for TaskDefinition
    Given rules parameter is provided. TaskDefinition is specified.
    And there is no value specified for TaskDefinition
    Then the rule returns ERROR

  Scenario: Rules parameter is provided. TaskDefinition is specified
    Given rules parameter is provided. TaskDefinition is specified
    And task Definitions match TaskDefinitions (case sensitive) specified in values.
    Then the rule returns COMPLIANT
    And the annotation is "if TaskDefinitions have awslogs driver"

  Scenario: Rules parameters are provided. TaskDefinition is specified
    Given rules parameters are provided. TaskDefinition is specified
    And task Definitions match TaskDefinitions (case sensitive) specified in values.
    Then the rule returns NON_COMPLIANT
    And the annotation is "if TaskDefinitions have no awslogs driver"
