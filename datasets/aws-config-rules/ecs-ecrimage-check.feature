@control:none @severity:medium @resource:AWS::ECS::TaskDefinition @category:monitoring
Feature: ECS_ECRIMAGE_CHECK
  Description: Check ECS Task Definitions for presence of non-ECR container repository. ECR repository is dkr.ecr.region.amazonaws.com
  Trigger: Periodic
  Reports on: AWS::ECS::TaskDefinition
  Rule Parameters: None

  Background:
    Given the rule's code calls "ecs.describe_task_definition"

  Scenario: Rules parameters are provided and it contains a parameter key other than TaskDefinition and RegionName
    Given rules parameters are provided
    And it contains a parameter key other than TaskDefinition and RegionName
    Then the rule returns ERROR

  Scenario: Rules parameters are provided
    Given rules parameters are provided
    And there is no value specified for TaskDefinition and RegionName does not match any AWS regions
    Then the rule returns ERROR

  Scenario: Rules parameters are provided. TaskDefinition and RegionName are provided
    Given rules parameters are provided. TaskDefinition and RegionName are provided
    And task Definitions match TaskDefinitions (case sensitive) specified in values. RegionName value matches valid region name of where ECR resides
    Then the rule returns COMPLIANT
    And the annotation is "if Task Definitions are configured to retrieve from ECR Repository"

  Scenario: Rules parameters are provided. TaskDefinition and RegionName are provided (Scenario 4)
    Given rules parameters are provided. TaskDefinition and RegionName are provided
    And ECS task definitions are found configured to retrieve container images from a non-ECR repository
    Then the rule returns NON_COMPLIANT
