@control:EC2.8 @severity:high @resource:AWS::EC2::Instance @category:access-control
Feature: EC2_IMDSV2_CHECK
  Description: EC2 instances must require session tokens for the instance metadata service (IMDSv2), so that instance role credentials cannot be read with a plain IMDSv1 request.
  Trigger: Configuration changes
  Reports on: AWS::EC2::Instance
  Rule Parameters: None

  Scenario: No instances exist
    Given "ec2.describe_instances" returns an empty "Reservations[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: IMDSv1 is still allowed
    Given an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And its "Reservations[].Instances[].MetadataOptions.HttpTokens" is "optional"
    And its "Reservations[].Instances[].MetadataOptions.HttpEndpoint" is "enabled"
    Then the rule returns NON_COMPLIANT

  Scenario: IMDSv2 is required
    Given an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And its "Reservations[].Instances[].MetadataOptions.HttpTokens" is "required"
    Then the rule returns COMPLIANT

  Scenario: A terminated instance is not evaluated
    Given an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And its "Reservations[].Instances[].State.Name" is "terminated"
    Then the rule returns NOT_APPLICABLE

  Scenario: A stopped instance is still evaluated
    Given an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And its "Reservations[].Instances[].State.Name" is "stopped"
    And its "Reservations[].Instances[].MetadataOptions.HttpTokens" is "optional"
    Then the rule returns NON_COMPLIANT
