@control:none @severity:medium @resource:AWS::Redshift::Cluster @category:encryption-in-transit
Feature: REDSHIFT_FIPS_REQUIRED
  Description: Check whether use_fips_ssl is enabled for the RedShift cluster
  Trigger: Periodic
  Reports on: AWS::Redshift::Cluster
  Rule Parameters: None

  Background:
    Given the rule's code calls "redshift.describe_logging_status"
    And the rule's code calls "redshift.describe_cluster_parameters"
    And the rule's code calls "redshift.describe_clusters"

  Scenario: No redshift cluster present
    Given no redshift cluster present
    Then the rule returns NOT_APPLICABLE

  Scenario: Require_ssl is set to false
    Given require_ssl is set to false
    Then the rule returns NON_COMPLIANT

  Scenario: Use_fips_ssl is set to false
    Given use_fips_ssl is set to false
    Then the rule returns NON_COMPLIANT

  Scenario: If both use_fips_ssl and require_ssl are set to true
    Given if both use_fips_ssl and require_ssl are set to true
    Then the rule returns COMPLIANT

  Scenario: The parameter status of use_fips_ssl and require_ssl is not synced
    Given the parameter status of use_fips_ssl and require_ssl is not synced
    Then the rule returns NON_COMPLIANT
