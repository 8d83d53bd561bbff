@control:ElastiCache.5 @severity:medium @resource:AWS::ElastiCache::ReplicationGroup @category:encryption-in-transit
Feature: ELASTICACHE_REPL_GRP_ENCRYPTED_IN_TRANSIT
  Description: ElastiCache (Redis OSS or Valkey) replication groups must encrypt traffic in transit with TLS, between clients and nodes and between nodes.
  Trigger: Periodic
  Reports on: AWS::ElastiCache::ReplicationGroup
  Rule Parameters: None

  Scenario: No replication groups exist
    Given "elasticache.describe_replication_groups", paged with "Marker" until it is not set, returns an empty "ReplicationGroups[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: In-transit encryption is disabled
    Given a replication group returned by "elasticache.describe_replication_groups"
    And its "ReplicationGroups[].TransitEncryptionEnabled" is false
    Then the rule returns NON_COMPLIANT
    And the annotation is "In-transit encryption is not enabled"

  Scenario: In-transit encryption is absent from the response
    Given a replication group returned by "elasticache.describe_replication_groups" with no "ReplicationGroups[].TransitEncryptionEnabled"
    Then the rule returns NON_COMPLIANT

  Scenario: In-transit encryption is enabled
    Given a replication group returned by "elasticache.describe_replication_groups"
    And its "ReplicationGroups[].TransitEncryptionEnabled" is true
    Then the rule returns COMPLIANT
