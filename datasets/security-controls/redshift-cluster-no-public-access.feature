@control:Redshift.1 @severity:critical @resource:AWS::Redshift::Cluster @category:network-exposure
Feature: REDSHIFT_CLUSTER_PUBLIC_ACCESS_CHECK
  Description: Amazon Redshift clusters must not be publicly accessible, so the cluster endpoint never resolves to a public IP address reachable from the internet.
  Trigger: Configuration changes
  Reports on: AWS::Redshift::Cluster
  Rule Parameters: None

  Scenario: No clusters exist
    Given "redshift.describe_clusters", paged with "Marker" until it is not set, returns an empty "Clusters[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: The cluster is publicly accessible
    Given a cluster returned by "redshift.describe_clusters"
    And its "Clusters[].PubliclyAccessible" is true
    Then the rule returns NON_COMPLIANT
    And the annotation is "Cluster is publicly accessible"

  Scenario: The cluster is private
    Given a cluster returned by "redshift.describe_clusters"
    And its "Clusters[].PubliclyAccessible" is false
    Then the rule returns COMPLIANT

  Scenario: Public access is being turned off but the change is still pending
    Given a cluster returned by "redshift.describe_clusters" whose "Clusters[].PubliclyAccessible" is true
    And its "Clusters[].PendingModifiedValues.PubliclyAccessible" is false
    Then the rule returns NON_COMPLIANT
