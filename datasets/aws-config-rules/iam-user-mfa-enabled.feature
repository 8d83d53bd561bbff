@control:IAM.19 @severity:medium @resource:AWS::IAM::User @category:access-control
Feature: IAM_USER_MFA_ENABLED
  Description: Checks that IAM users have MFA enabled.
  Trigger: Periodic
  Reports on: AWS::IAM::User
  Rule Parameters: whitelistedUserList (string, optional, default none): Represents the IAM users which are exempt of having MFA List all the UniqueID separated by a comma Constraint: each UniqueID must begins with AIDA

  Background:
    Given the rule's code calls "iam.list_mfa_devices"
    And the rule's code calls "iam.list_users"

  Scenario: WhitelistedUserList is configured and a user ID listed in WhitelistedUserList is not valid
    # engineers: Given whitelistedUserList is configured
    Given the rule parameter "whitelistedUserList" is invalid
    # engineers: And a user ID listed in WhitelistedUserList is not valid
    And the rule parameter "whitelistedUserList" is not a valid list of user IDs starting with AIDA
    Then the rule returns ERROR

  Scenario: WhitelistedUserList is configured correctly and the IAM User's UniqueID is listed in WhitelistedUserList
    # engineers: Given whitelistedUserList is configured correctly
    Given the rule parameter "whitelistedUserList" is set
    # engineers: And the IAM User's UniqueID is listed in WhitelistedUserList
    And a user in "Users[]" listed by "iam.list_users" whose "Users[].UserId" is in "whitelistedUserList"
    Then the rule returns COMPLIANT

  Scenario: WhitelistedUserList is configured correctly and an MFA is attached to the IAM User
    # engineers: Given whitelistedUserList is configured correctly
    Given the rule parameter "whitelistedUserList" is set
    # engineers: And the IAM User UniqueID is not listed in WhitelistedUserList
    And a user in "Users[]" listed by "iam.list_users" whose "Users[].UserId" is not in "whitelistedUserList"
    # engineers: And an MFA is attached to the IAM User
    And the "MFADevices[]" is not empty
    Then the rule returns COMPLIANT

  Scenario: WhitelistedUserList is configured correctly and no MFA is attached to the IAM User
    # engineers: Given whitelistedUserList is configured correctly
    Given the rule parameter "whitelistedUserList" is set
    # engineers: And the IAM User UniqueID is not listed in WhitelistedUserList
    And a user in "Users[]" listed by "iam.list_users" whose "Users[].UserId" is not in "whitelistedUserList"
    # engineers: And no MFA is attached to the IAM User
    And "iam.list_mfa_devices" for that user returns an empty "MFADevices[]" list
    Then the rule returns NON_COMPLIANT

  Scenario: WhitelistedUserList is not configured and an MFA is attached to the IAM User
    # engineers: Given whitelistedUserList is not configured
    Given the rule parameter "whitelistedUserList" is not set
    # engineers: And an MFA is attached to the IAM User
    And a user in "Users[]" listed by "iam.list_users"
    And the "MFADevices[]" is not empty
    Then the rule returns COMPLIANT

  Scenario: WhitelistedUserList is not configured and one MFA is not attached to the IAM User
    # engineers: Given whitelistedUserList is not configured
    Given the rule parameter "whitelistedUserList" is not set
    # engineers: And one MFA is not attached to the IAM User
    And a user in "Users[]" listed by "iam.list_users"
    And "iam.list_mfa_devices" for that user returns an empty "MFADevices[]" list
    Then the rule returns NON_COMPLIANT
