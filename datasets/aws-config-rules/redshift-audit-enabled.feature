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
    Given no RedShift Clusters present
    Then the rule returns NOT_APPLICABLE

  Scenario: Audit logging is not enabled
    Given audit logging is not enabled
    Then the rule returns NON_COMPLIANT

  Scenario: If Audit logging is enabled
    Given if Audit logging is enabled
    Then the rule returns COMPLIANT
