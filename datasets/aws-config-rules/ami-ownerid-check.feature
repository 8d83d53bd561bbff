@control:none @severity:high @resource:AWS::EC2::Instance @category:monitoring
Feature: AMI_OWNERID_CHECK
  Description: Checks whether EC2 instances are using authorized AMI owned by a specific owner ID.
  Trigger: Periodic
  Reports on: AWS::EC2::Instance
  Rule Parameters: None

  Background:
    Given the rule's code calls "ec2.describe_instances"
    And the rule's code calls "ec2.describe_images"

  Scenario: Rules parameters are provided and it contains a parameter key other than VpcId and OwnerId
    Given rules parameters are provided
    And it contains a parameter key other than VpcId and OwnerId
    Then the rule returns ERROR

  Scenario: Rules parameters are provided correctly. VpcId and OwnerId given
    Given rules parameters are provided correctly. VpcId and OwnerId given.
    And multiple VPC IDs or a single vpc id value specified for VpcId and OwnerId specified.
    Then the rule returns COMPLIANT

  Scenario: Rules parameters are provided correctly. VpcId and OwnerId given (Scenario 4)
    Given rules parameters are provided correctly. VpcId and OwnerId given.
    And multiple VPC IDs or a single vpc id value specified for VpcId and OwnerId specified.
    Then the rule returns NON_COMPLIANT
