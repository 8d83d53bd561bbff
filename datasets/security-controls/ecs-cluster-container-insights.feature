@control:ECS.12 @severity:medium @resource:AWS::ECS::Cluster @category:monitoring
Feature: ECS_CONTAINER_INSIGHTS_ENABLED
  Description: Amazon ECS clusters must have CloudWatch Container Insights turned on, so CPU, memory, network and task-level metrics are collected for monitoring and alarms.
  Trigger: Configuration changes
  Reports on: AWS::ECS::Cluster
  Rule Parameters: None

  Scenario: No clusters exist
    Given "ecs.list_clusters", paged with "nextToken" until it is not set, returns an empty "clusterArns[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: Container Insights is disabled
    Given a cluster described by "ecs.describe_clusters" with include SETTINGS
    And the "clusters[].settings[].value" of the entry whose "clusters[].settings[].name" is containerInsights is disabled
    Then the rule returns NON_COMPLIANT
    And the annotation is "Container Insights is disabled"

  Scenario: The setting is absent
    Given a cluster described by "ecs.describe_clusters" with include SETTINGS
    And no "clusters[].settings[].name" is "containerInsights"
    Then the rule returns NON_COMPLIANT

  Scenario: Container Insights is enabled
    Given a cluster described by "ecs.describe_clusters" with include SETTINGS
    And the "clusters[].settings[].value" of the entry whose "clusters[].settings[].name" is containerInsights is enabled or enhanced
    Then the rule returns COMPLIANT
