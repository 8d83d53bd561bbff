@control:none @severity:high @resource:AWS::EKS::Cluster @category:network-exposure
Feature: EKS_ENDPOINT_NO_PUBLIC_ACCESS
  Description: The Kubernetes API server endpoint of an Amazon EKS cluster must not be reachable from the internet; only the private endpoint inside the VPC may be enabled.
  Trigger: Periodic
  Reports on: AWS::EKS::Cluster
  Rule Parameters: None

  Scenario: No clusters exist
    Given "eks.list_clusters", paged with "nextToken" until it is not set, returns an empty "clusters[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: The public endpoint is enabled
    Given a cluster named in "clusters[]" by "eks.list_clusters"
    And "eks.describe_cluster" returns "cluster.resourcesVpcConfig.endpointPublicAccess" true
    Then the rule returns NON_COMPLIANT
    And the annotation is "Cluster API server endpoint is publicly accessible"

  Scenario: The public endpoint is restricted by CIDR but still public
    Given "eks.describe_cluster" returns "cluster.resourcesVpcConfig.endpointPublicAccess" true
    And its "cluster.resourcesVpcConfig.publicAccessCidrs[]" holds only 203.0.113.0/24
    Then the rule returns NON_COMPLIANT

  Scenario: Only the private endpoint is enabled
    Given "eks.describe_cluster" returns "cluster.resourcesVpcConfig.endpointPublicAccess" false
    And "cluster.resourcesVpcConfig.endpointPrivateAccess" is true
    Then the rule returns COMPLIANT
