@control:none @severity:medium @resource:AWS::EMR::Cluster @category:monitoring
Feature: EMR_SECURITY_GROUPS_RESTRICTED
  Description: Checks that Amazon EMR clusters' security groups are not open to the world. This rule only checks clusters in RUNNING or WAITING state.
  Trigger: Periodic
  Reports on: AWS::EMR::Cluster
  Rule Parameters: None

  Background:
    Given the rule's code calls "emr.list_clusters"
    And the rule's code calls "emr.describe_cluster"
    And the rule's code calls "config.batch_get_resource_config"

  Scenario: No Amazon EMR cluster is in RUNNING or WAITING state
    # engineers: Given no Amazon EMR cluster is in RUNNING or WAITING state
    Given "emr.list_clusters" returns no clusters in RUNNING or WAITING state
    Then the rule returns NOT_APPLICABLE

  Scenario: At least 1 Amazon EMR cluster is in RUNNING or WAITING state
    # engineers: Given at least 1 Amazon EMR cluster is in RUNNING or WAITING state
    Given a cluster in "Clusters[]" listed by "emr.list_clusters" whose "Clusters[].Status.State" is one of RUNNING and WAITING
    # engineers: And at least one of the security groups attached to the Amazon EMR cluster has a rule with the IPv4 range '0.0.0.0/0' or the IPv6 range '::/0' (the rule reads each group's configuration item with config.batch_get_resource_config)
    And either the "baseConfigurationItems[].configuration" document's "ipPermissions[].ipv4Ranges[].cidrIp" contains 0.0.0.0/0 or the "baseConfigurationItems[].configuration" document's "ipPermissions[].ipv6Ranges[].cidrIpv6" contains ::/0
    Then the rule returns NON_COMPLIANT

  Scenario: At least 1 Amazon EMR cluster is in RUNNING or WAITING state (Scenario 3)
    # engineers: Given at least 1 Amazon EMR cluster is in RUNNING or WAITING state
    Given a cluster in "Clusters[]" listed by "emr.list_clusters" whose "Clusters[].Status.State" is one of RUNNING and WAITING
    # engineers: And none of the security groups attached to the Amazon EMR cluster have a rule with the IPv4 range '0.0.0.0/0' or the IPv6 range '::/0' (the rule reads each group's configuration item with config.batch_get_resource_config)
    And the "baseConfigurationItems[].configuration" document's "ipPermissions[].ipv4Ranges[].cidrIp" does not contain 0.0.0.0/0
    And the "baseConfigurationItems[].configuration" document's "ipPermissions[].ipv6Ranges[].cidrIpv6" does not contain ::/0
    Then the rule returns COMPLIANT
