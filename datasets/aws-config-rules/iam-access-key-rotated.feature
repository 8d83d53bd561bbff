@control:none @severity:medium @resource:AWS::IAM::User @category:access-control
Feature: IAM_ACCESS_KEY_ROTATED
  Description: To check IAM users access key are rotated by a specific number of days (by default 90 days).
  Trigger: Periodic
  Reports on: AWS::IAM::User
  Rule Parameters: whitelistedUserList (string, optional, default none): Represents the IAM users which are exempted from the IAM Config rule. The valid users in this list will be compliant by default. List of all the UniqueID (user ID) separated by a comma.; keyKeyActiveTimeOutInDays (int, optional, default 90): Numeric variable representing the maximum age in days of access key. The default value is 90.

  Background:
    Given the rule's code calls "iam.list_access_keys"
    And the rule's code calls "iam.list_users"

  Scenario: No IAM Users
    Given no IAM Users
    Then the rule returns NOT_APPLICABLE

  Scenario: WhitelistedUserList is configured
    Given whitelistedUserList is configured
    # engineers: And a user listed in WhitelistedUserList is not an alphanumerical string starting with "AIDA"
    And a user listed in WhitelistedUserList is not an alphanumerical string starting with AIDA
    Then the rule returns ERROR

  Scenario: KeyKeyActiveTimeOutInDays is configured and keyKeyActiveTimeOutInDays is not a positive integer smaller than 999999999
    Given keyKeyActiveTimeOutInDays is configured
    And keyKeyActiveTimeOutInDays is not a positive integer smaller than 999999999
    Then the rule returns ERROR

  Scenario: An IAM user and whitelistedUserList is configured and valid and the IAM user is listed on the WhitelistedUserList
    Given an IAM user
    And whitelistedUserList is configured and valid
    And the IAM user is listed on the WhitelistedUserList
    Then the rule returns COMPLIANT

  Scenario: An IAM user and the IAM User has no access keys
    Given an IAM user
    And the IAM User has no access keys
    Then the rule returns COMPLIANT

  Scenario: An IAM user and the IAM User has no active access keys
    Given an IAM user
    And the IAM User has no active access keys
    Then the rule returns COMPLIANT

  Scenario: An IAM user
    Given an IAM user
    And the IAM user is not listed on the WhitelistedUserList, if configured
    And the IAM user has one or more active access keys
    And the oldest key age is more or equal than KeyKeyActiveTimeOutInDays, if configured (or default, if not configured)
    Then the rule returns NON_COMPLIANT

  Scenario: An IAM user and the oldest key age is less than KeyKeyActiveTimeOutInDays, if configured (or default, if not configured)
    Given an IAM user
    And the IAM user is not listed on the WhitelistedUserList, if configured
    And the IAM user has one or more active access keys
    And the oldest key age is less than KeyKeyActiveTimeOutInDays, if configured (or default, if not configured)
    Then the rule returns COMPLIANT
