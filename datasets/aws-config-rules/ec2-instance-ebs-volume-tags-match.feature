@control:none @severity:medium @resource:AWS::EC2::Volume @category:monitoring
Feature: EC2_INSTANCE_EBS_VOLUME_TAGS_MATCH
  Description: Checks whether the Amazon Elastic Block Store (EBS) volume includes the Tags from the Amazon Elastic Compute Cloud (Amazon EC2) instance, it's attached to. The rule is NON_COMPLIANT if the EBS volume attached to an EC2 instance and missing instance tags. The rule is COMPLIANT if the EBS volume attached to an EC2 instance and missing instance tags.
  Trigger: Configuration changes
  Reports on: AWS::EC2::Volume
  Rule Parameters: None

  Background:
    Given the rule's code calls "config.select_resource_config"

  Scenario: Resource type is AWS::EC2::Instance and EC2 instance does not have an EBS volume attached
    # engineers: Given resource type is AWS::EC2::Instance (the rule reads it from the configuration item)
    Given the configuration item's resource type is AWS::EC2::Instance
    # engineers: And EC2 instance does not have an EBS volume attached. (the rule reads it from the configuration item)
    And the configuration item's "Reservations[].Instances[].BlockDeviceMappings" is empty or not set
    Then the rule returns NOT_APPLICABLE

  Scenario: Resource type is AWS::EC2::Volume and EBS volume is not attached to an EC2 instance
    # engineers: Given resource type is AWS::EC2::Volume (the rule reads it from the configuration item)
    Given the configuration item's resource type is AWS::EC2::Volume
    # engineers: And EBS volume is not attached to an EC2 instance. (the rule reads it from the configuration item)
    And the configuration item's "Volumes[].Attachments" is empty or not set
    Then the rule returns NOT_APPLICABLE

  Scenario: Resource type is AWS::EC2::Instance and EC2 instance and all attached EBS volumes have the same tags attached
    # engineers: Given resource type is AWS::EC2::Instance (the rule reads it from the configuration item)
    Given the configuration item's resource type is AWS::EC2::Instance
    # engineers: And EC2 instance and all attached EBS volumes have the same tags attached (the rule's code asks "config.select_resource_config" for the tags of the volumes related to the instance, and requires every tag of the instance, those whose key starts with aws: left out, among them)
    And the configuration item's "Reservations[].Instances[].Tags[]" is among the "Results[]" document's "tags[]"
    Then the rule returns COMPLIANT

  Scenario: Resource type is AWS::EC2::Instance
    # engineers: Given resource type is AWS::EC2::Instance (the rule reads it from the configuration item)
    Given the configuration item's resource type is AWS::EC2::Instance
    # engineers: And there are one or more EBS volumes attached to an EC2 instance that do not have the same tags attached (the rule's code asks "config.select_resource_config" for the tags of the volumes related to the instance, and requires every tag of the instance, those whose key starts with aws: left out, among them)
    And the configuration item's "Reservations[].Instances[].Tags[]" is not among the "Results[]" document's "tags[]"
    Then the rule returns NON_COMPLIANT

  Scenario: Resource type is AWS::EC2::Volume and EBS volume and the EC2 instance it is attached to have the same tags attached
    # engineers: Given resource type is AWS::EC2::Volume (the rule reads it from the configuration item)
    Given the configuration item's resource type is AWS::EC2::Volume
    # engineers: And EBS volume and the EC2 instance it is attached to have the same tags attached (the rule's code asks "config.select_resource_config" for the tags of the instance the volume is attached to, and requires every one of them, those whose key starts with aws: left out, among the volume's tags)
    And the "Results[]" document's "tags[]" is among the configuration item's "Volumes[].Tags[]"
    Then the rule returns COMPLIANT

  Scenario: Resource type is AWS::EC2::Volume
    # engineers: Given resource type is AWS::EC2::Volume (the rule reads it from the configuration item)
    Given the configuration item's resource type is AWS::EC2::Volume
    # engineers: And EBS volume and the EC2 instance it is attached to do not have the same tags attached (the rule's code asks "config.select_resource_config" for the tags of the instance the volume is attached to, and requires every one of them, those whose key starts with aws: left out, among the volume's tags)
    And the "Results[]" document's "tags[]" is not among the configuration item's "Volumes[].Tags[]"
    Then the rule returns NON_COMPLIANT
