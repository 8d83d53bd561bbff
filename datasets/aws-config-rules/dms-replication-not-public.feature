@control:DMS.1 @severity:critical @resource:AWS::DMS::ReplicationInstance @category:network-exposure
Feature: DMS_REPLICATION_NOT_PUBLIC
  Description: Checks whether AWS DMS replication instance does have public access.
  Trigger: Periodic
  Reports on: AWS::DMS::ReplicationInstance
  Rule Parameters: None

  Background:
    Given the rule's code calls "dms.describe_replication_instances"

  Scenario: At least one AWS Replication instance exists and publiclyAccessible is set to True for the AWS Replication instance
    # engineers: Given at least one AWS Replication instance exists
    Given a replication instance in "ReplicationInstances[]" returned by "dms.describe_replication_instances"
    # engineers: And publiclyAccessible is set to True for the AWS Replication instance
    And its "ReplicationInstances[].PubliclyAccessible" is true
    Then the rule returns NON_COMPLIANT
    And the annotation is "This AWS Replication instance has public internet access."

  Scenario: At least one AWS Replication instance exists and publiclyAccessible is set to False for the AWS Replication instance
    # engineers: Given at least one AWS Replication instance exists
    Given a replication instance in "ReplicationInstances[]" returned by "dms.describe_replication_instances"
    # engineers: And publiclyAccessible is set to False for the AWS Replication instance
    And its "ReplicationInstances[].PubliclyAccessible" is false
    Then the rule returns COMPLIANT
