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
    # engineers: Given no Amazon ElastiCache Redis cluster in the AWS Account
    Given "elasticache.describe_cache_clusters" returns no Redis cache clusters and no replication groups
    Then the rule returns NOT_APPLICABLE

  Scenario: Parameter SnapshotRetentionPeriod is configured and it is not a positive integer greater then 0
    # engineers: Given parameter SnapshotRetentionPeriod is configured
    Given the rule parameter "snapshotRetentionPeriod" is set
    # engineers: And it is not a positive integer greater then 0
    And the rule parameter "snapshotRetentionPeriod" is less than 1
    Then the rule returns ERROR

  Scenario: At least 1 Amazon Elasticache Redis cluster is present and the SnapshotRetentionLimit is set to 0
    # engineers: Given at least 1 Amazon Elasticache Redis cluster is present
    Given a Redis cache cluster in "CacheClusters[]" returned by "elasticache.describe_cache_clusters" whose "CacheClusters[].Engine" is redis
    # engineers: And the SnapshotRetentionLimit is set to 0
    And its "CacheClusters[].SnapshotRetentionLimit" is 0
    Then the rule returns NON_COMPLIANT
    And the annotation is "Automatic backup not enabled for Amazon ElastiCache cluster {Cluster_ID}"

  Scenario: At least 1 Amazon Elasticache Redis cluster is present
    # engineers: Given at least 1 Amazon Elasticache Redis cluster is present
    Given a Redis cache cluster in "CacheClusters[]" returned by "elasticache.describe_cache_clusters" whose "CacheClusters[].Engine" is redis
    # engineers: And the SnapshotRetentionLimit is less than SnapshotRetentionPeriod
    And its "CacheClusters[].SnapshotRetentionLimit" is less than "snapshotRetentionPeriod"
    Then the rule returns NON_COMPLIANT
    And the annotation is "Automatic backup retention period for Amazon ElastiCache cluster {Cluster_ID} is less then {SnapshotRetentionPeriod} day(s)."

  Scenario: At least 1 Amazon Elasticache Redis cluster is present (Scenario 5)
    # engineers: Given at least 1 Amazon Elasticache Redis cluster is present
    Given a Redis cache cluster in "CacheClusters[]" returned by "elasticache.describe_cache_clusters" whose "CacheClusters[].Engine" is redis
    # engineers: And the SnapshotRetentionLimit is greater than or equal to SnapshotRetentionPeriod
    And its "CacheClusters[].SnapshotRetentionLimit" is at least "snapshotRetentionPeriod"
    Then the rule returns COMPLIANT
