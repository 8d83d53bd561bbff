@control:EC2.3 @severity:medium @resource:AWS::EC2::Volume @category:encryption-at-rest
Feature: ENCRYPTED_VOLUMES
  Description: EBS volumes that are attached to an EC2 instance must be encrypted.
  Trigger: Configuration changes
  Reports on: AWS::EC2::Volume
  Rule Parameters: None

  Scenario: No volumes exist
    Given "ec2.describe_volumes" returns an empty "Volumes[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: A detached volume is not evaluated
    Given a volume in "Volumes[]" returned by "ec2.describe_volumes"
    And its "Volumes[].State" is "available"
    And its "Volumes[].Attachments[]" is empty
    Then the rule returns NOT_APPLICABLE

  Scenario: An attached volume is unencrypted
    Given a volume in "Volumes[]" returned by "ec2.describe_volumes"
    And its "Volumes[].Attachments[].State" is "attached"
    And its "Volumes[].Encrypted" is false
    Then the rule returns NON_COMPLIANT

  Scenario: An attached volume is encrypted
    Given a volume in "Volumes[]" returned by "ec2.describe_volumes"
    And its "Volumes[].Attachments[].State" is "attached"
    And its "Volumes[].Encrypted" is true
    And its "Volumes[].KmsKeyId" is set
    Then the rule returns COMPLIANT

  Scenario: Volumes on later pages are evaluated
    Given "ec2.describe_volumes" returns a "NextToken"
    And the next page holds an attached volume whose "Volumes[].Encrypted" is false
    Then the rule returns NON_COMPLIANT
