@control:none @severity:medium @resource:AWS::EC2::Instance @category:monitoring
Feature: AMI_OUTDATED_CHECK
  Description: Check all private AMIs are not older than X days.
  Trigger: Periodic
  Reports on: AWS::EC2::Instance
  Rule Parameters: numberOfDays (int, optional, default 90): The number of days against which the ami age of the instances will be compared. Default value: 90 days must be equal to or less than; whitelistedAmis (string, optional, default none): The list of AMI Ids provided by the user to be excluded from the check. must be equal to item in list.; whitelistedInstances (string, optional, default none): The list of Instance ID's provided by the user to be excluded from the check. must be equal to item in list.

  Background:
    Given the rule's code calls "ec2.describe_images"
    And the rule's code calls "ec2.describe_instances"

  Scenario: NumberOfDays, WhitelistedAmis or WhitelistedInstances parameters are not present
    # engineers: Given numberOfDays, WhitelistedAmis or WhitelistedInstances parameters are not present
    Given either the rule parameter "numberOfDays" is not set or the rule parameter "whitelistedAmis" is not set or the rule parameter "whitelistedInstances" is not set
    Then the rule returns ERROR

  Scenario: NumberOfDays parameter is configured and numberOfDays parameter is not an integer
    # engineers: Given numberOfDays parameter is configured | And numberOfDays parameter is not an integer
    Given the rule parameter "numberOfDays" is not a valid integer
    Then the rule returns ERROR

  Scenario: NumberOfDays parameter is configured and numberOfDays parameter is less than 1
    # engineers: Given numberOfDays parameter is configured
    Given the rule parameter "numberOfDays" is set
    # engineers: And numberOfDays parameter is less than 1
    And the rule parameter "numberOfDays" is less than 1
    Then the rule returns ERROR

  Scenario: NumberOfDays parameter is valid and the format of a WhitelistedAmis parameter element does not match the AMI ID format
    # engineers: Given numberOfDays parameter is valid
    Given the rule parameter "numberOfDays" is set
    # engineers: And whitelistedAmis parameter is configured | And the format of a WhitelistedAmis parameter element does not match the AMI ID format
    And the rule parameter "whitelistedAmis" is not a valid list of AMI ids
    Then the rule returns ERROR

  Scenario: NumberOfDays parameter is valid
    # engineers: Given numberOfDays parameter is valid
    Given the rule parameter "numberOfDays" is set
    # engineers: And whitelistedAmis parameter is valid
    And the rule parameter "whitelistedAmis" is set
    # engineers: And whitelistedInstances parameter is configured | And the format of a WhitelistedInstances parameter item does not match the Instance ID format
    And the rule parameter "whitelistedInstances" is not a valid list of instance ids
    Then the rule returns ERROR

  Scenario: NumberOfDays parameter has not been configured and the Instance AMI age is less than or equal to default value (90 days)
    # engineers: Given numberOfDays parameter has not been configured
    Given the rule parameter "numberOfDays" is empty
    # engineers: And whitelistedAmis parameter is valid
    And the rule parameter "whitelistedAmis" is set
    # engineers: And whitelistedInstances parameter is valid
    And the rule parameter "whitelistedInstances" is set
    # engineers: And the Instance AMI age is less than or equal to default value (90 days)
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And the "Images[].CreationDate" is 90 days old or less
    Then the rule returns COMPLIANT

  Scenario: NumberOfDays parameter has not been configured and the Instance AMI age is greater than default value (90 days)
    # engineers: Given numberOfDays parameter has not been configured
    Given the rule parameter "numberOfDays" is empty
    # engineers: And whitelistedAmis parameter is valid
    And the rule parameter "whitelistedAmis" is set
    # engineers: And instance AMI ID is not contained in the WhitelistedAmis parameter
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And the "Images[].ImageId" is not in "whitelistedAmis"
    # engineers: And whitelistedInstances parameter is valid
    And the rule parameter "whitelistedInstances" is set
    # engineers: And instance ID is not contained in the WhitelistedInstances parameter
    And its "Reservations[].Instances[].InstanceId" is not in "whitelistedInstances"
    # engineers: And the Instance AMI age is greater than default value (90 days)
    And the "Images[].CreationDate" is more than 90 days old
    Then the rule returns NON_COMPLIANT

  Scenario: NumberOfDays parameter has been configured and the Instance AMI age is greater than configured value
    # engineers: Given numberOfDays parameter has been configured
    Given the rule parameter "numberOfDays" is set
    # engineers: And numberOfDays parameter is valid
    And the rule parameter "numberOfDays" is at least 1
    # engineers: And whitelistedAmis parameter is valid
    And the rule parameter "whitelistedAmis" is set
    # engineers: And instance AMI ID is not contained in the WhitelistedAmis parameter
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And the "Images[].ImageId" is not in "whitelistedAmis"
    # engineers: And whitelistedInstances parameter is valid
    And the rule parameter "whitelistedInstances" is set
    # engineers: And instance ID is not contained in the WhitelistedInstances parameter
    And its "Reservations[].Instances[].InstanceId" is not in "whitelistedInstances"
    # engineers: And the Instance AMI age is greater than configured value
    And the "Images[].CreationDate" is more than "numberOfDays" days old
    Then the rule returns NON_COMPLIANT

  Scenario: NumberOfDays parameter has been configured and the Instance AMI age is less than or equal to than configured value
    # engineers: Given numberOfDays parameter has been configured
    Given the rule parameter "numberOfDays" is set
    # engineers: And numberOfDays parameter is valid
    And the rule parameter "numberOfDays" is at least 1
    # engineers: And whitelistedAmis parameter is valid
    And the rule parameter "whitelistedAmis" is set
    # engineers: And whitelistedInstances parameter is valid
    And the rule parameter "whitelistedInstances" is set
    # engineers: And the Instance AMI age is less than or equal to than configured value
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And the "Images[].CreationDate" is "numberOfDays" days old or less
    Then the rule returns COMPLIANT

  Scenario: NumberOfDays parameter is valid and the Instance AMI ID is contained in the WhitelistedAmis parameter
    # engineers: Given numberOfDays parameter is valid
    Given the rule parameter "numberOfDays" is set
    # engineers: And whitelistedAmis parameter is valid
    And the rule parameter "whitelistedAmis" is set
    # engineers: And whitelistedInstances parameter is valid
    And the rule parameter "whitelistedInstances" is set
    # engineers: And the Instance AMI ID is contained in the WhitelistedAmis parameter
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And the "Images[].ImageId" is in "whitelistedAmis"
    Then the rule returns COMPLIANT

  Scenario: NumberOfDays parameter is valid and the Instance ID is contained in the WhitelistedInstances parameter
    # engineers: Given numberOfDays parameter is valid
    Given the rule parameter "numberOfDays" is set
    # engineers: And whitelistedAmis parameter is valid
    And the rule parameter "whitelistedAmis" is set
    # engineers: And whitelistedInstances parameter is valid
    And the rule parameter "whitelistedInstances" is set
    # engineers: And the Instance ID is contained in the WhitelistedInstances parameter
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And its "Reservations[].Instances[].InstanceId" is in "whitelistedInstances"
    Then the rule returns COMPLIANT
