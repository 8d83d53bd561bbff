@control:ElastiCache.3 @severity:medium @resource:AWS::ElastiCache::ReplicationGroup @category:resilience
Feature: ELASTICACHE_REPL_GRP_AUTO_FAILOVER_ENABLED
  Description: ElastiCache (Redis OSS or Valkey) replication groups must fail over automatically to a read replica when the primary node fails.
  Trigger: Periodic
  Reports on: AWS::ElastiCache::ReplicationGroup
  Rule Parameters: None

  Scenario: No replication groups exist
    Given "elasticache.describe_replication_groups", paged with "Marker" until it is not set, returns an empty "ReplicationGroups[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: Automatic failover is disabled
    Given a replication group returned by "elasticache.describe_replication_groups"
    And its "ReplicationGroups[].AutomaticFailover" is "disabled"
    Then the rule returns NON_COMPLIANT
    And the annotation is "Automatic failover is disabled"

  Scenario: Automatic failover is being turned off
    Given a replication group returned by "elasticache.describe_replication_groups"
    And its "ReplicationGroups[].AutomaticFailover" is "disabling"
    Then the rule returns NON_COMPLIANT

  Scenario: Automatic failover is enabled
    Given a replication group returned by "elasticache.describe_replication_groups"
    And its "ReplicationGroups[].AutomaticFailover" is "enabled"
    Then the rule returns COMPLIANT
