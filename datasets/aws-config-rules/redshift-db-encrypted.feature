@control:none @severity:medium @resource:AWS::Redshift::Cluster @category:encryption-at-rest
Feature: REDSHIFT_DB_ENCRYPTED
  Description: Check whether the database is encrypted
  Trigger: Periodic
  Reports on: AWS::Redshift::Cluster
  Rule Parameters: None

  Background:
    Given the rule's code calls "redshift.describe_logging_status"
    And the rule's code calls "redshift.describe_cluster_parameters"
    And the rule's code calls "redshift.describe_clusters"

  Scenario: No redshift clusters present
    # engineers: Given no redshift clusters present
    Given "redshift.describe_clusters" returns an empty "Clusters[]" list
    Then the rule returns ERROR

  Scenario: RedShift cluster is not encrypted
    # engineers: Given if the database is not encrypted
    Given a cluster in "Clusters[]" returned by "redshift.describe_clusters" whose "Clusters[].Encrypted" is false
    Then the rule returns NON_COMPLIANT

  Scenario: RedShift cluster is encrypted
    # engineers: Given if the database is encrypted
    Given a cluster in "Clusters[]" returned by "redshift.describe_clusters" whose "Clusters[].Encrypted" is true
    Then the rule returns COMPLIANT
