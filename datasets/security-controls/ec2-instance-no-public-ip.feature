@control:EC2.9 @severity:high @resource:AWS::EC2::Instance @category:network-exposure
Feature: EC2_INSTANCE_NO_PUBLIC_IP
  Description: EC2 instances must not have a public IPv4 address, whether assigned at launch or from an associated Elastic IP address.
  Trigger: Configuration changes
  Reports on: AWS::EC2::Instance
  Rule Parameters: None

  Scenario: No instances exist
    Given "ec2.describe_instances" returns an empty "Reservations[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: The instance has a public IPv4 address
    Given an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And its "Reservations[].Instances[].PublicIpAddress" is set
    Then the rule returns NON_COMPLIANT

  Scenario: A stopped instance keeps an Elastic IP address
    Given an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And its "Reservations[].Instances[].State.Name" is "stopped"
    And its "Reservations[].Instances[].PublicIpAddress" is set
    Then the rule returns NON_COMPLIANT

  Scenario: The instance has only private addresses
    Given an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And its "Reservations[].Instances[].PublicIpAddress" is not set
    And its "Reservations[].Instances[].PrivateIpAddress" is set
    Then the rule returns COMPLIANT

  Scenario: A terminated instance is not evaluated
    Given an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And its "Reservations[].Instances[].State.Name" is "terminated"
    Then the rule returns NOT_APPLICABLE
