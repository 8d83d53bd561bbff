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
    Given no redshift clusters present
    Then the rule returns ERROR

  Scenario: RedShift cluster is not encrypted
    Given if the database is not encrypted
    Then the rule returns NON_COMPLIANT

  Scenario: RedShift cluster is encrypted
    Given if the database is encrypted
    Then the rule returns COMPLIANT
