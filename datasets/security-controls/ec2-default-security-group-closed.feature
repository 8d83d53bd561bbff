@control:EC2.2 @severity:high @resource:AWS::EC2::SecurityGroup @category:network-exposure
Feature: VPC_DEFAULT_SECURITY_GROUP_CLOSED
  Description: The default security group of every VPC must have no inbound and no outbound rules, so that resources placed in it by default get no network access.
  Trigger: Configuration changes
  Reports on: AWS::EC2::SecurityGroup
  Rule Parameters: None

  Scenario: A security group that is not a default group is not evaluated
    Given a security group in "SecurityGroups[]" returned by "ec2.describe_security_groups"
    And its "SecurityGroups[].GroupName" is not default
    Then the rule returns NOT_APPLICABLE

  Scenario: The default group keeps its self-referencing inbound rule
    Given a security group in "SecurityGroups[]" returned by "ec2.describe_security_groups" whose "SecurityGroups[].GroupName" is default
    And its "SecurityGroups[].IpPermissions[].UserIdGroupPairs[].GroupId" equals the "SecurityGroups[].GroupId"
    Then the rule returns NON_COMPLIANT

  Scenario: The default group keeps its allow-all outbound rule
    Given a security group in "SecurityGroups[]" returned by "ec2.describe_security_groups" whose "SecurityGroups[].GroupName" is default
    And its "SecurityGroups[].IpPermissions[]" is empty
    And its "SecurityGroups[].IpPermissionsEgress[].IpRanges[].CidrIp" is 0.0.0.0/0
    Then the rule returns NON_COMPLIANT

  Scenario: The default group has no rules at all
    Given a security group in "SecurityGroups[]" returned by "ec2.describe_security_groups" whose "SecurityGroups[].GroupName" is default
    And its "SecurityGroups[].IpPermissions[]" is empty
    And its "SecurityGroups[].IpPermissionsEgress[]" is empty
    Then the rule returns COMPLIANT
