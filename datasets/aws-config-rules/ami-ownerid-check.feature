@control:none @severity:high @resource:AWS::EC2::Instance @category:monitoring
Feature: AMI_OWNERID_CHECK
  Description: Checks whether EC2 instances are using authorized AMI owned by a specific owner ID.
  Trigger: Periodic
  Reports on: AWS::EC2::Instance
  Rule Parameters: vpcId (string, required, default none): Comma-separated VPC IDs whose EC2 instances are checked.; ownerId (string, required, default none): The authorized AMI owner ID.

  Background:
    Given the rule's code calls "ec2.describe_instances"
    And the rule's code calls "ec2.describe_images"

  Scenario: Rules parameters are provided and it contains a parameter key other than VpcId and OwnerId
    # engineers: Given rules parameters are provided | And it contains a parameter key other than VpcId and OwnerId
    Given the rule parameter "vpcId" is not set
    And the rule parameter "ownerId" is not set
    Then the rule returns ERROR

  Scenario: Rules parameters are provided correctly. VpcId and OwnerId given
    # engineers: Given rules parameters are provided correctly. VpcId and OwnerId given.
    Given the rule parameter "vpcId" is not empty
    And the rule parameter "ownerId" is not empty
    # engineers: And multiple VPC IDs or a single vpc id value specified for VpcId and OwnerId specified.
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances" whose "Reservations[].Instances[].VpcId" is in "vpcId"
    # engineers: Then Return COMPLIANT for EC2 instances whose AMI match Owner ID specified.
    And the "Images[].OwnerId" equals "ownerId"
    Then the rule returns COMPLIANT

  Scenario: Rules parameters are provided correctly. VpcId and OwnerId given (Scenario 4)
    # engineers: Given rules parameters are provided correctly. VpcId and OwnerId given.
    Given the rule parameter "vpcId" is not empty
    And the rule parameter "ownerId" is not empty
    # engineers: And multiple VPC IDs or a single vpc id value specified for VpcId and OwnerId specified.
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances" whose "Reservations[].Instances[].VpcId" is in "vpcId"
    # engineers: Then Return NON_COMPLIANT for EC2 instances whose AMI does not match Owner ID specified.
    And the "Images[].OwnerId" does not equal "ownerId"
    Then the rule returns NON_COMPLIANT
