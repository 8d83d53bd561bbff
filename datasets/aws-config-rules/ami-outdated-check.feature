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
    Given numberOfDays, WhitelistedAmis or WhitelistedInstances parameters are not present
    Then the rule returns ERROR

  Scenario: NumberOfDays parameter is configured and numberOfDays parameter is not an integer
    Given numberOfDays parameter is configured
    And numberOfDays parameter is not an integer
    Then the rule returns ERROR

  Scenario: NumberOfDays parameter is configured and numberOfDays parameter is less than 1
    Given numberOfDays parameter is configured
    And numberOfDays parameter is less than 1
    Then the rule returns ERROR

  Scenario: NumberOfDays parameter is valid and the format of a WhitelistedAmis parameter element does not match the AMI ID format
    Given numberOfDays parameter is valid
    And whitelistedAmis parameter is configured
    And the format of a WhitelistedAmis parameter element does not match the AMI ID format
    Then the rule returns ERROR

  Scenario: NumberOfDays parameter is valid
    Given numberOfDays parameter is valid
    And whitelistedAmis parameter is valid
    And whitelistedInstances parameter is configured
    And the format of a WhitelistedInstances parameter item does not match the Instance ID format
    Then the rule returns ERROR

  Scenario: NumberOfDays parameter has not been configured and the Instance AMI age is less than or equal to default value (90 days)
    Given numberOfDays parameter has not been configured
    And whitelistedAmis parameter is valid
    And whitelistedInstances parameter is valid
    And the Instance AMI age is less than or equal to default value (90 days)
    Then the rule returns COMPLIANT

  Scenario: NumberOfDays parameter has not been configured and the Instance AMI age is greater than default value (90 days)
    Given numberOfDays parameter has not been configured
    And whitelistedAmis parameter is valid
    And instance AMI ID is not contained in the WhitelistedAmis parameter
    And whitelistedInstances parameter is valid
    And instance ID is not contained in the WhitelistedInstances parameter
    And the Instance AMI age is greater than default value (90 days)
    Then the rule returns NON_COMPLIANT

  Scenario: NumberOfDays parameter has been configured and the Instance AMI age is greater than configured value
    Given numberOfDays parameter has been configured
    And numberOfDays parameter is valid
    And whitelistedAmis parameter is valid
    And instance AMI ID is not contained in the WhitelistedAmis parameter
    And whitelistedInstances parameter is valid
    And instance ID is not contained in the WhitelistedInstances parameter
    And the Instance AMI age is greater than configured value
    Then the rule returns NON_COMPLIANT

  Scenario: NumberOfDays parameter has been configured and the Instance AMI age is less than or equal to than configured value
    Given numberOfDays parameter has been configured
    And numberOfDays parameter is valid
    And whitelistedAmis parameter is valid
    And whitelistedInstances parameter is valid
    And the Instance AMI age is less than or equal to than configured value
    Then the rule returns COMPLIANT

  Scenario: NumberOfDays parameter is valid and the Instance AMI ID is contained in the WhitelistedAmis parameter
    Given numberOfDays parameter is valid
    And whitelistedAmis parameter is valid
    And whitelistedInstances parameter is valid
    And the Instance AMI ID is contained in the WhitelistedAmis parameter
    Then the rule returns COMPLIANT

  Scenario: NumberOfDays parameter is valid and the Instance ID is contained in the WhitelistedInstances parameter
    Given numberOfDays parameter is valid
    And whitelistedAmis parameter is valid
    And whitelistedInstances parameter is valid
    And the Instance ID is contained in the WhitelistedInstances parameter
    Then the rule returns COMPLIANT
