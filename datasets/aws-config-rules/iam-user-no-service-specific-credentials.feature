@control:none @severity:medium @resource:AWS::IAM::User @category:access-control
Feature: IAM_USER_NO_SERVICE_SPECIFIC_CREDENTIALS
  Description: Checks that there are no Service Specific Credentials associated with any IAM Users
  Trigger: Periodic
  Reports on: AWS::IAM::User
  Rule Parameters: serviceName (string, optional, default none): Only the service-specific credentials of this service are checked (the code's optional ServiceName, passed to ListServiceSpecificCredentials).

  Background:
    Given the rule's code calls "iam.list_service_specific_credentials"
    And the rule's code calls "iam.list_users"

  Scenario: There are no ServerSpecificCredentials attached to the IAM User
    # engineers: Given there are no ServerSpecificCredentials attached to the IAM User
    Given a user in "Users[]" listed by "iam.list_users"
    And "iam.list_service_specific_credentials" for that user returns an empty "ServiceSpecificCredentials[]" list
    Then the rule returns COMPLIANT

  Scenario: There are ServerSpecificCredentials attached to the IAM User and the ServerSpecificCredentials are not 'Active'
    # engineers: Given there are ServerSpecificCredentials attached to the IAM User
    Given a user in "Users[]" listed by "iam.list_users"
    And the "ServiceSpecificCredentials[]" is not empty
    # engineers: And 'ServiceName' parameter was not specified
    And the rule parameter "serviceName" is not set
    # engineers: And the ServerSpecificCredentials are not 'Active'
    And no "ServiceSpecificCredentials[].Status" is Active
    Then the rule returns COMPLIANT

  Scenario: There are ServerSpecificCredentials attached to the IAM User
    # engineers: Given there are ServerSpecificCredentials attached to the IAM User
    Given a user in "Users[]" listed by "iam.list_users"
    And the "ServiceSpecificCredentials[]" is not empty
    # engineers: And 'ServiceName' parameter was specified
    And the rule parameter "serviceName" is set
    # engineers: And 'ServiceName' parameter matches ServerSpecificCredentials['ServiceName']
    And the "ServiceSpecificCredentials[].ServiceName" equals "serviceName"
    # engineers: And the ServerSpecificCredentials are not 'Active'
    And no "ServiceSpecificCredentials[].Status" is Active
    Then the rule returns COMPLIANT

  Scenario: There are ServerSpecificCredentials attached to the IAM User (Scenario 5)
    # engineers: Given there are ServerSpecificCredentials attached to the IAM User
    Given a user in "Users[]" listed by "iam.list_users"
    And the "ServiceSpecificCredentials[]" is not empty
    # engineers: And 'ServiceName' parameter was specified
    And the rule parameter "serviceName" is set
    # engineers: And 'ServiceName' parameter does not match ServerSpecificCredentials['ServiceName']
    And the "ServiceSpecificCredentials[].ServiceName" is not "serviceName"
    Then the rule returns COMPLIANT

  Scenario: There are ServerSpecificCredentials attached to the IAM User and the ServerSpecificCredentials are 'Active'
    # engineers: Given there are ServerSpecificCredentials attached to the IAM User
    Given a user in "Users[]" listed by "iam.list_users"
    And the "ServiceSpecificCredentials[]" is not empty
    # engineers: And 'ServiceName' parameter was not specified
    And the rule parameter "serviceName" is not set
    # engineers: And the ServerSpecificCredentials are 'Active'
    And some "ServiceSpecificCredentials[].Status" is Active
    Then the rule returns NON_COMPLIANT

  Scenario: There are ServerSpecificCredentials attached to the IAM User and the ServerSpecificCredentials are 'Active' (Scenario 7)
    # engineers: Given there are ServerSpecificCredentials attached to the IAM User
    Given a user in "Users[]" listed by "iam.list_users"
    And the "ServiceSpecificCredentials[]" is not empty
    # engineers: And 'ServiceName' parameter was specified
    And the rule parameter "serviceName" is set
    # engineers: And 'ServiceName' parameter matches ServerSpecificCredentials['ServiceName']
    And the "ServiceSpecificCredentials[].ServiceName" equals "serviceName"
    # engineers: And the ServerSpecificCredentials are 'Active'
    And some "ServiceSpecificCredentials[].Status" is Active
    Then the rule returns NON_COMPLIANT

  Scenario: An error was encountered listing ServerSpecificCredentials for the IAM User
    # engineers: Given an error was encountered listing ServerSpecificCredentials for the IAM User
    Given a user in "Users[]" listed by "iam.list_users"
    And "iam.list_service_specific_credentials" for that user fails with the error code ServiceFailure
    Then the rule returns ERROR

  Scenario: An error was encountered listing IAM Users
    # engineers: Given an error was encountered listing IAM Users
    Given "iam.list_users" fails with the error code ServiceFailure
    Then the rule returns ERROR
