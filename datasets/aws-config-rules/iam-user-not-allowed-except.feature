@control:none @severity:medium @resource:AWS::::Account @category:access-control
Feature: IAM_USER_NOT_ALLOWED_EXCEPT
  Description: To ensure there is no IAM users except if explicitly allowed.
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: whitelistedUserList (string, optional, default none): List pf allowed IAM users, seperated by commas.

  Background:
    Given the rule's code calls "iam.list_users"

  Scenario: No IAM Users
    # engineers: Given no IAM Users
    Given "iam.list_users" returns an empty "Users[]" list
    Then the rule returns COMPLIANT

  Scenario: WhitelistedUserList is not empty
    # engineers: Given whitelistedUserList is not empty
    Given the rule parameter "whitelistedUserList" is invalid
    # engineers: And a user listed in WhitelistedUserList is not an alphanumerical string starting with "AIDA"
    And the rule parameter "whitelistedUserList" is not a valid list of user IDs starting with AIDA
    Then the rule returns ERROR

  Scenario: WhitelistedUserList is not empty and all IAM Users UniqueID is listed in WhitelistedUserList
    # engineers: Given whitelistedUserList is not empty
    Given the rule parameter "whitelistedUserList" is not ""
    # engineers: And each User ID is an alphanumerical string starting with "AIDA"
    And the rule parameter "whitelistedUserList" starts with AIDA
    # engineers: And all IAM Users UniqueID is listed in WhitelistedUserList
    And every "Users[].UserId" is in "whitelistedUserList"
    Then the rule returns COMPLIANT

  Scenario: WhitelistedUserList is not empty and at least one IAM User UniqueID is not listed in WhitelistedUserList
    # engineers: Given whitelistedUserList is not empty
    Given the rule parameter "whitelistedUserList" is not ""
    # engineers: And whitelistedUserList is configured correctly
    And the rule parameter "whitelistedUserList" is set
    # engineers: And at least one IAM User UniqueID is not listed in WhitelistedUserList
    And a user in "Users[]" listed by "iam.list_users" whose "Users[].UserId" is not in "whitelistedUserList"
    Then the rule returns NON_COMPLIANT
