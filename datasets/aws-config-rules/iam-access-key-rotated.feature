@control:none @severity:medium @resource:AWS::IAM::User @category:access-control
Feature: IAM_ACCESS_KEY_ROTATED
  Description: To check IAM users access key are rotated by a specific number of days (by default 90 days).
  Trigger: Periodic
  Reports on: AWS::IAM::User
  Rule Parameters: whitelistedUserList (string, optional, default none): Represents the IAM users which are exempted from the IAM Config rule. The valid users in this list will be compliant by default. List of all the UniqueID (user ID) separated by a comma.; keyActiveTimeOutInDays (int, optional, default 90): Numeric variable representing the maximum age in days of access key. The default value is 90.

  Background:
    Given the rule's code calls "iam.list_access_keys"
    And the rule's code calls "iam.list_users"

  Scenario: No IAM Users
    # engineers: Given no IAM Users
    Given "iam.list_users" returns an empty "Users[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: WhitelistedUserList is configured
    # engineers: Given whitelistedUserList is configured | And a user listed in WhitelistedUserList is not an alphanumerical string starting with "AIDA"
    Given the rule parameter "whitelistedUserList" is not a valid list of user ids starting with AIDA
    Then the rule returns ERROR

  Scenario: KeyKeyActiveTimeOutInDays is configured and keyKeyActiveTimeOutInDays is not a positive integer smaller than 999999999
    # engineers: Given keyKeyActiveTimeOutInDays is configured | And keyKeyActiveTimeOutInDays is not a positive integer smaller than 999999999
    Given the rule parameter "keyActiveTimeOutInDays" is not a valid positive integer smaller than 999999999
    Then the rule returns ERROR

  Scenario: An IAM user and whitelistedUserList is configured and valid and the IAM user is listed on the WhitelistedUserList
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And whitelistedUserList is configured and valid
    And the rule parameter "whitelistedUserList" is set
    # engineers: And the IAM user is listed on the WhitelistedUserList
    And its "Users[].UserId" is in "whitelistedUserList"
    Then the rule returns COMPLIANT

  Scenario: An IAM user and the IAM User has no access keys
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And the IAM User has no access keys
    And "iam.list_access_keys" for that user returns an empty "AccessKeyMetadata[]" list
    Then the rule returns COMPLIANT

  Scenario: An IAM user and the IAM User has no active access keys
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And the IAM User has no active access keys
    And every "AccessKeyMetadata[].Status" is Inactive
    Then the rule returns COMPLIANT

  Scenario: An IAM user
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And the IAM user is not listed on the WhitelistedUserList, if configured
    And its "Users[].UserId" is not in "whitelistedUserList"
    # engineers: And the IAM user has one or more active access keys
    And some "AccessKeyMetadata[].Status" is Active
    # engineers: And the oldest key age is more or equal than KeyKeyActiveTimeOutInDays, if configured (or default, if not configured)
    And some "AccessKeyMetadata[].CreateDate" is more than "keyActiveTimeOutInDays" days old
    Then the rule returns NON_COMPLIANT

  Scenario: An IAM user and the oldest key age is less than KeyKeyActiveTimeOutInDays, if configured (or default, if not configured)
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And the IAM user is not listed on the WhitelistedUserList, if configured
    And its "Users[].UserId" is not in "whitelistedUserList"
    # engineers: And the IAM user has one or more active access keys
    And some "AccessKeyMetadata[].Status" is Active
    # engineers: And the oldest key age is less than KeyKeyActiveTimeOutInDays, if configured (or default, if not configured)
    And every "AccessKeyMetadata[].CreateDate" is "keyActiveTimeOutInDays" days old or less
    Then the rule returns COMPLIANT
