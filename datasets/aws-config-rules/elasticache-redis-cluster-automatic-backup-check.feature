@control:ElastiCache.1 @severity:high @resource:AWS::ElastiCache::CacheCluster @category:resilience
Feature: ELASTICACHE_REDIS_CLUSTER_AUTOMATIC_BACKUP_CHECK
  Description: Check whether the Amazon ElastiCache Redis clusters have automatic backup turned on. The rule is NON_COMPLIANT if the SnapshotRetentionLimit of an Amazon Elasticache Redis cluster is 0.
  Trigger: Periodic
  Reports on: AWS::ElastiCache::CacheCluster
  Rule Parameters: snapshotRetentionPeriod (int, optional, default 15): Minimum snapshot retention period in days for Amazon ElastiCache Redis cluster. Default is 15 days.

  Background:
    Given the rule's code calls "elasticache.describe_replication_groups"
    And the rule's code calls "elasticache.describe_cache_clusters"

  Scenario: No Amazon ElastiCache Redis cluster in the AWS Account
    Given no Amazon ElastiCache Redis cluster in the AWS Account
    Then the rule returns NOT_APPLICABLE

  Scenario: Parameter SnapshotRetentionPeriod is configured and it is not a positive integer greater then 0
    Given parameter SnapshotRetentionPeriod is configured
    And it is not a positive integer greater then 0
    Then the rule returns ERROR

  Scenario: At least 1 Amazon Elasticache Redis cluster is present and the SnapshotRetentionLimit is set to 0
    Given at least 1 Amazon Elasticache Redis cluster is present
    And the SnapshotRetentionLimit is set to 0
    Then the rule returns NON_COMPLIANT
    And the annotation is "Automatic backup not enabled for Amazon ElastiCache cluster {Cluster_ID}"

  Scenario: At least 1 Amazon Elasticache Redis cluster is present
    Given at least 1 Amazon Elasticache Redis cluster is present
    And the SnapshotRetentionLimit is less than SnapshotRetentionPeriod
    Then the rule returns NON_COMPLIANT
    And the annotation is "Automatic backup retention period for Amazon ElastiCache cluster {Cluster_ID} is less then {SnapshotRetentionPeriod} day(s)."

  Scenario: At least 1 Amazon Elasticache Redis cluster is present (Scenario 5)
    Given at least 1 Amazon Elasticache Redis cluster is present
    And the SnapshotRetentionLimit is greater than or equal to SnapshotRetentionPeriod
    Then the rule returns COMPLIANT
