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
    # engineers: Given no redshift cluster present
    Given "redshift.describe_clusters" returns an empty "Clusters[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: Require_ssl is set to false
    # engineers: Given require_ssl is set to false
    Given a cluster in "Clusters[]" returned by "redshift.describe_clusters"
    And the "Parameters[].ParameterValue" of the entry whose "Parameters[].ParameterName" is require_ssl is not "true"
    Then the rule returns NON_COMPLIANT

  Scenario: Use_fips_ssl is set to false
    # engineers: Given use_fips_ssl is set to false
    Given a cluster in "Clusters[]" returned by "redshift.describe_clusters"
    And the "Parameters[].ParameterValue" of the entry whose "Parameters[].ParameterName" is use_fips_ssl is not "true"
    Then the rule returns NON_COMPLIANT

  Scenario: If both use_fips_ssl and require_ssl are set to true
    # engineers: Given if both use_fips_ssl and require_ssl are set to true
    Given a cluster in "Clusters[]" returned by "redshift.describe_clusters"
    And the "Parameters[].ParameterValue" of the entry whose "Parameters[].ParameterName" is use_fips_ssl is "true"
    And the "Parameters[].ParameterValue" of the entry whose "Parameters[].ParameterName" is require_ssl is "true"
    Then the rule returns COMPLIANT

  Scenario: The parameter status of use_fips_ssl and require_ssl is not synced
    # engineers: Given the parameter status of use_fips_ssl and require_ssl is not synced
    Given a cluster in "Clusters[]" returned by "redshift.describe_clusters"
    And the "Clusters[].ClusterParameterGroups[].ClusterParameterStatusList[].ParameterApplyStatus" of the entry whose "Clusters[].ClusterParameterGroups[].ClusterParameterStatusList[].ParameterName" is use_fips_ssl is not in-sync
    And the "Clusters[].ClusterParameterGroups[].ClusterParameterStatusList[].ParameterApplyStatus" of the entry whose "Clusters[].ClusterParameterGroups[].ClusterParameterStatusList[].ParameterName" is require_ssl is not in-sync
    Then the rule returns NON_COMPLIANT
