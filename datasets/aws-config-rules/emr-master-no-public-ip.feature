@control:EMR.1 @severity:high @resource:AWS::EMR::Cluster @category:network-exposure
Feature: EMR_MASTER_NO_PUBLIC_IP
  Description: Checks that Amazon EMR clusters' master node does not have a public IP. This rule only checks clusters in RUNNING or WAITING state.
  Trigger: Periodic
  Reports on: AWS::EMR::Cluster
  Rule Parameters: None

  Background:
    Given the rule's code calls "emr.list_clusters"
    And the rule's code calls "emr.list_instances"
    And the rule's code calls "ec2.describe_instances"

  Scenario: No EMR cluster in RUNNING or WAITING state
    # engineers: Given no EMR cluster in RUNNING or WAITING state
    Given "emr.list_clusters" returns no clusters in RUNNING or WAITING state
    Then the rule returns NOT_APPLICABLE

  Scenario: At least 1 EMR cluster is in RUNNING or WAITING state
    # engineers: Given at least 1 EMR cluster is in RUNNING or WAITING state
    Given a cluster in "Clusters[]" listed by "emr.list_clusters" whose "Clusters[].Status.State" is one of RUNNING and WAITING
    # engineers: And the master node instance has a value specified for the key PublicDnsName in the ListInstances EMR API call
    And the "Instances[].PublicDnsName" is not empty
    # engineers: And the master node instance has a value specified for the key PublicDnsName in the DescribeInstances EC2 API call
    And the "Reservations[].Instances[].PublicDnsName" is not empty
    Then the rule returns NON_COMPLIANT

  Scenario: At least 1 EMR cluster is in RUNNING or WAITING state (Scenario 3)
    # engineers: Given at least 1 EMR cluster is in RUNNING or WAITING state
    Given a cluster in "Clusters[]" listed by "emr.list_clusters" whose "Clusters[].Status.State" is one of RUNNING and WAITING
    # engineers: And the master node instance has a value specified for the key PublicDnsName in the ListInstances EMR API call
    And the "Instances[].PublicDnsName" is not empty
    # engineers: And the master node instance has no key PublicDnsName in the DescribeInstances EC2 API call
    And the "Reservations[].Instances[].PublicDnsName" is empty or not set
    Then the rule returns COMPLIANT

  Scenario: At least 1 EMR cluster is in RUNNING or WAITING state (Scenario 4)
    # engineers: Given at least 1 EMR cluster is in RUNNING or WAITING state
    Given a cluster in "Clusters[]" listed by "emr.list_clusters" whose "Clusters[].Status.State" is one of RUNNING and WAITING
    # engineers: And the master node has "" as the value for key PublicDnsName in the ListInstances API call
    And the "Instances[].PublicDnsName" is empty
    Then the rule returns COMPLIANT
