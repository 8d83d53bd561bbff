@control:ECS.4 @severity:high @resource:AWS::ECS::TaskDefinition @category:access-control
Feature: ECS_CONTAINERS_NONPRIVILEGED
  Description: Containers in the latest active revision of an Amazon ECS task definition must not run in privileged mode, which would give them root-equivalent access to the host.
  Trigger: Configuration changes
  Reports on: AWS::ECS::TaskDefinition
  Rule Parameters: None

  Scenario: No active task definitions exist
    Given "ecs.list_task_definitions", paged with "nextToken" until it is not set, returns no ACTIVE task definitions
    Then the rule returns NOT_APPLICABLE

  Scenario: An inactive revision is not evaluated
    Given "ecs.describe_task_definition" returns "taskDefinition.status" "INACTIVE"
    Then the rule returns NOT_APPLICABLE

  Scenario: A container runs privileged
    Given a task definition that is the latest revision of its family, listed by "ecs.list_task_definitions"
    And "ecs.describe_task_definition" returns a "taskDefinition.containerDefinitions[]"
    And some "taskDefinition.containerDefinitions[].privileged" is true
    Then the rule returns NON_COMPLIANT
    And the annotation is "Container runs in privileged mode"

  Scenario: The privileged flag is absent
    Given "ecs.describe_task_definition" returns "taskDefinition.status" "ACTIVE"
    And every "taskDefinition.containerDefinitions[].privileged" is not set
    Then the rule returns COMPLIANT

  Scenario: Every container is explicitly non-privileged
    Given "ecs.describe_task_definition" returns "taskDefinition.status" "ACTIVE"
    And every "taskDefinition.containerDefinitions[].privileged" is false
    Then the rule returns COMPLIANT
