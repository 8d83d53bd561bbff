@control:none @severity:medium @resource:AWS::ECS::TaskDefinition @category:monitoring
Feature: ECS_ECRIMAGE_CHECK
  Description: Check ECS Task Definitions for presence of non-ECR container repository. ECR repository is dkr.ecr.region.amazonaws.com
  Trigger: Periodic
  Reports on: AWS::ECS::TaskDefinition
  Rule Parameters: taskDefinition (string, required, default none): Comma-separated task definitions to check (case sensitive).; regionName (string, required, default none): Name of the AWS Region where the ECR repositories reside, e.g. us-east-1.

  Background:
    Given the rule's code calls "ecs.describe_task_definition"

  Scenario: Rules parameters are provided and it contains a parameter key other than TaskDefinition and RegionName
    # engineers: Given rules parameters are provided | And it contains a parameter key other than TaskDefinition and RegionName
    Given the rule parameter "taskDefinition" is not set
    And the rule parameter "regionName" is not set
    Then the rule returns ERROR

  Scenario: Rules parameters are provided
    # engineers: Given rules parameters are provided | And there is no value specified for TaskDefinition and RegionName does not match any AWS regions
    Given the rule parameter "taskDefinition" is empty
    And the rule parameter "regionName" is not a valid AWS Region name
    Then the rule returns ERROR

  Scenario: Rules parameters are provided. TaskDefinition and RegionName are provided
    # engineers: Given rules parameters are provided. TaskDefinition and RegionName are provided
    Given the rule parameter "taskDefinition" is not empty
    And the rule parameter "regionName" is set
    # engineers: And task Definitions match TaskDefinitions (case sensitive) specified in values. RegionName value matches valid region name of where ECR resides
    And a task definition described by "ecs.describe_task_definition"
    # engineers: Then Return COMPLIANT with annotation if Task Definitions are configured to retrieve from ECR Repository. (the rule's code searches each container's image for ".dkr.ecr.{RegionName}.amazonaws.com", a regular expression whose dots match any character; read here as the text between .dkr.ecr. and .amazonaws.com being the Region)
    And the part of its "taskDefinition.containerDefinitions[].image" between .dkr.ecr. and .amazonaws.com equals "regionName"
    Then the rule returns COMPLIANT
    And the annotation is "if Task Definitions are configured to retrieve from ECR Repository"

  Scenario: Rules parameters are provided. TaskDefinition and RegionName are provided (Scenario 4)
    # engineers: Given rules parameters are provided. TaskDefinition and RegionName are provided
    Given the rule parameter "taskDefinition" is not empty
    And the rule parameter "regionName" is set
    # engineers: And ECS task definitions are found configured to retrieve container images from a non-ECR repository
    And a task definition described by "ecs.describe_task_definition"
    And either the part of its "taskDefinition.containerDefinitions[].image" between .dkr.ecr. and .amazonaws.com is not set or the part of its "taskDefinition.containerDefinitions[].image" between .dkr.ecr. and .amazonaws.com is not "regionName"
    Then the rule returns NON_COMPLIANT
