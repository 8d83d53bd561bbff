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
    Given whitelistedUserList is configured
    And a user ID listed in WhitelistedUserList is not valid
    Then the rule returns ERROR

  Scenario: WhitelistedUserList is configured correctly and the IAM User's UniqueID is listed in WhitelistedUserList
    Given whitelistedUserList is configured correctly
    And the IAM User's UniqueID is listed in WhitelistedUserList
    Then the rule returns COMPLIANT

  Scenario: WhitelistedUserList is configured correctly and an MFA is attached to the IAM User
    Given whitelistedUserList is configured correctly
    And the IAM User UniqueID is not listed in WhitelistedUserList
    And an MFA is attached to the IAM User
    Then the rule returns COMPLIANT

  Scenario: WhitelistedUserList is configured correctly and no MFA is attached to the IAM User
    Given whitelistedUserList is configured correctly
    And the IAM User UniqueID is not listed in WhitelistedUserList
    And no MFA is attached to the IAM User
    Then the rule returns NON_COMPLIANT

  Scenario: WhitelistedUserList is not configured and an MFA is attached to the IAM User
    Given whitelistedUserList is not configured
    And an MFA is attached to the IAM User
    Then the rule returns COMPLIANT

  Scenario: WhitelistedUserList is not configured and one MFA is not attached to the IAM User
    Given whitelistedUserList is not configured
    And one MFA is not attached to the IAM User
    Then the rule returns NON_COMPLIANT
