@control:none @severity:medium @resource:AWS::IAM::User @category:access-control
Feature: IAM_USER_NO_SERVICE_SPECIFIC_CREDENTIALS
  Description: Checks that there are no Service Specific Credentials associated with any IAM Users
  Trigger: Periodic
  Reports on: AWS::IAM::User
  Rule Parameters: None

  Background:
    Given the rule's code calls "iam.list_service_specific_credentials"
    And the rule's code calls "iam.list_users"

  Scenario: There are no ServerSpecificCredentials attached to the IAM User
    Given there are no ServerSpecificCredentials attached to the IAM User
    Then the rule returns COMPLIANT

  Scenario: There are ServerSpecificCredentials attached to the IAM User and the ServerSpecificCredentials are not 'Active'
    Given there are ServerSpecificCredentials attached to the IAM User
    And 'ServiceName' parameter was not specified
    And the ServerSpecificCredentials are not 'Active'
    Then the rule returns COMPLIANT

  Scenario: There are ServerSpecificCredentials attached to the IAM User
    Given there are ServerSpecificCredentials attached to the IAM User
    And 'ServiceName' parameter was specified
    And 'ServiceName' parameter matches ServerSpecificCredentials['ServiceName']
    And the ServerSpecificCredentials are not 'Active'
    Then the rule returns COMPLIANT

  Scenario: There are ServerSpecificCredentials attached to the IAM User (Scenario 5)
    Given there are ServerSpecificCredentials attached to the IAM User
    And 'ServiceName' parameter was specified
    And 'ServiceName' parameter does not match ServerSpecificCredentials['ServiceName']
    Then the rule returns COMPLIANT

  Scenario: There are ServerSpecificCredentials attached to the IAM User and the ServerSpecificCredentials are 'Active'
    Given there are ServerSpecificCredentials attached to the IAM User
    And 'ServiceName' parameter was not specified
    And the ServerSpecificCredentials are 'Active'
    Then the rule returns NON_COMPLIANT

  Scenario: There are ServerSpecificCredentials attached to the IAM User and the ServerSpecificCredentials are 'Active' (Scenario 7)
    Given there are ServerSpecificCredentials attached to the IAM User
    And 'ServiceName' parameter was specified
    And 'ServiceName' parameter matches ServerSpecificCredentials['ServiceName']
    And the ServerSpecificCredentials are 'Active'
    Then the rule returns NON_COMPLIANT

  Scenario: An error was encountered listing ServerSpecificCredentials for the IAM User
    Given an error was encountered listing ServerSpecificCredentials for the IAM User
    Then the rule returns ERROR

  Scenario: An error was encountered listing IAM Users
    Given an error was encountered listing IAM Users
    Then the rule returns ERROR
