@control:none @severity:medium @resource:AWS::::Account @category:access-control
Feature: IAM_USER_NOT_ALLOWED_EXCEPT
  Description: To ensure there is no IAM users except if explicitly allowed.
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: whitelistedUserList (string, optional, default none): List pf allowed IAM users, seperated by commas.

  Background:
    Given the rule's code calls "iam.list_users"

  Scenario: No IAM Users
    Given no IAM Users
    Then the rule returns COMPLIANT

  Scenario: WhitelistedUserList is not empty
    Given whitelistedUserList is not empty
    # engineers: And a user listed in WhitelistedUserList is not an alphanumerical string starting with "AIDA"
    And a user listed in WhitelistedUserList is not an alphanumerical string starting with AIDA
    Then the rule returns ERROR

  Scenario: WhitelistedUserList is not empty and all IAM Users UniqueID is listed in WhitelistedUserList
    Given whitelistedUserList is not empty
    # engineers: And each User ID is an alphanumerical string starting with "AIDA"
    And each User ID is an alphanumerical string starting with AIDA
    And all IAM Users UniqueID is listed in WhitelistedUserList
    Then the rule returns COMPLIANT

  Scenario: WhitelistedUserList is not empty and at least one IAM User UniqueID is not listed in WhitelistedUserList
    Given whitelistedUserList is not empty
    And whitelistedUserList is configured correctly
    And at least one IAM User UniqueID is not listed in WhitelistedUserList
    Then the rule returns NON_COMPLIANT
