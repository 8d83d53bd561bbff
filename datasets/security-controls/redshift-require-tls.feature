@control:Redshift.2 @severity:medium @resource:AWS::Redshift::Cluster @category:encryption-in-transit
Feature: REDSHIFT_REQUIRE_TLS_SSL
  Description: Amazon Redshift clusters must refuse client connections that are not encrypted with SSL/TLS, which is set by the require_ssl parameter of the cluster's parameter group.
  Trigger: Configuration changes
  Reports on: AWS::Redshift::Cluster
  Rule Parameters: None

  Scenario: No clusters exist
    Given "redshift.describe_clusters" returns an empty "Clusters[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: The parameter group does not require SSL
    Given a cluster returned by "redshift.describe_clusters" with the parameter group "Clusters[].ClusterParameterGroups[].ParameterGroupName"
    And "redshift.describe_cluster_parameters" for that group, paged with "Marker", returns "Parameters[].ParameterName" require_ssl
    And the "Parameters[].ParameterValue" of the entry whose "Parameters[].ParameterName" is require_ssl is false
    Then the rule returns NON_COMPLIANT
    And the annotation is "require_ssl is false in the cluster parameter group"

  Scenario: The parameter group requires SSL
    Given a cluster returned by "redshift.describe_clusters" with the parameter group "Clusters[].ClusterParameterGroups[].ParameterGroupName"
    And "redshift.describe_cluster_parameters" returns "Parameters[].ParameterName" require_ssl
    And the "Parameters[].ParameterValue" of the entry whose "Parameters[].ParameterName" is require_ssl is true
    Then the rule returns COMPLIANT
