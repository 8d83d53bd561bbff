@control:none @severity:medium @resource:AWS::Redshift::Cluster @category:logging
Feature: REDSHIFT_AUDIT_ENABLED
  Description: Check whether audit logging is enabled
  Trigger: Periodic
  Reports on: AWS::Redshift::Cluster
  Rule Parameters: None

  Background:
    Given the rule's code calls "redshift.describe_logging_status"
    And the rule's code calls "redshift.describe_cluster_parameters"
    And the rule's code calls "redshift.describe_clusters"

  Scenario: No RedShift Clusters present
    # engineers: Given no RedShift Clusters present
    Given "redshift.describe_clusters" returns an empty "Clusters[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: Audit logging is not enabled
    # engineers: Given audit logging is not enabled
    Given a cluster in "Clusters[]" returned by "redshift.describe_clusters"
    And "redshift.describe_logging_status" for that cluster returns "LoggingEnabled" false
    Then the rule returns NON_COMPLIANT

  Scenario: If Audit logging is enabled
    # engineers: Given if Audit logging is enabled
    Given a cluster in "Clusters[]" returned by "redshift.describe_clusters"
    And "redshift.describe_logging_status" for that cluster returns "LoggingEnabled" true
    Then the rule returns COMPLIANT
