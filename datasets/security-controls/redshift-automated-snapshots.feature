@control:Redshift.3 @severity:medium @resource:AWS::Redshift::Cluster @category:resilience
Feature: REDSHIFT_BACKUP_ENABLED
  Description: Amazon Redshift clusters must take automated snapshots and keep them for at least the minimum retention period (and, when set, no longer than the maximum), so a cluster can be restored to a recent point.
  Trigger: Configuration changes
  Reports on: AWS::Redshift::Cluster
  Rule Parameters: minRetentionPeriod (int, optional, default 7): fewest days automated snapshots must be kept, 1 to 35; maxRetentionPeriod (int, optional, default none): most days automated snapshots may be kept, 1 to 35

  Scenario: No clusters exist
    Given "redshift.describe_clusters", paged with "Marker" until it is not set, returns an empty "Clusters[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: Automated snapshots are disabled
    Given a cluster returned by "redshift.describe_clusters"
    And its "Clusters[].AutomatedSnapshotRetentionPeriod" is 0
    Then the rule returns NON_COMPLIANT
    And the annotation is "Automated snapshots are disabled"

  Scenario: Retention is shorter than the minimum
    Given "minRetentionPeriod" is 7
    And a cluster returned by "redshift.describe_clusters" whose "Clusters[].AutomatedSnapshotRetentionPeriod" is 1
    Then the rule returns NON_COMPLIANT

  Scenario: Retention is longer than the maximum
    Given "minRetentionPeriod" is 7 and "maxRetentionPeriod" is 14
    And a cluster returned by "redshift.describe_clusters" whose "Clusters[].AutomatedSnapshotRetentionPeriod" is 35
    Then the rule returns NON_COMPLIANT

  Scenario: Retention is within the allowed range
    Given "minRetentionPeriod" is 7 and "maxRetentionPeriod" is not set
    And a cluster returned by "redshift.describe_clusters" whose "Clusters[].AutomatedSnapshotRetentionPeriod" is 7
    Then the rule returns COMPLIANT

  Scenario: An invalid rule parameter
    Given the rule parameter "minRetentionPeriod" is not a valid retention period (an integer from 1 to 35, at most maxRetentionPeriod)
    Then the rule returns ERROR
