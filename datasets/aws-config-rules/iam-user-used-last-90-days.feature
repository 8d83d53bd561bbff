@control:none @severity:medium @resource:AWS::IAM::User @category:access-control
Feature: IAM_USER_USED_LAST_90_DAYS
  Description: Check if IAM users have been active for last N days (default 90)
  Trigger: Periodic
  Reports on: AWS::IAM::User
  Rule Parameters: whitelistedUserList (string, optional, default none): Represents the IAM users which are exempted from being active. Seperated by comma (,); notUsedTimeOutInDays (int, optional, default 90): Maximum time without activity. The default value is 90; newUserCooldownInDays (int, optional, default 7): Minimun time after creation before evaluating. The default value is 7

  Background:
    Given the rule's code calls "iam.get_user"
    And the rule's code calls "iam.list_access_keys"
    And the rule's code calls "iam.get_access_key_last_used"
    And the rule's code calls "iam.list_users"

  Scenario: A periodic trigger and no IAM Users
    # engineers: Given a periodic trigger
    Given the rule's code calls "iam.list_users"
    # engineers: And no IAM Users
    And "iam.list_users" returns an empty "Users[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: WhitelistedUserList is not empty
    # engineers: Given whitelistedUserList is not empty
    Given the rule parameter "whitelistedUserList" is invalid
    # engineers: And a user listed in WhitelistedUserList is not an alphanumerical string starting with "AIDA"
    And the rule parameter "whitelistedUserList" is not a valid list of user IDs starting with AIDA
    Then the rule returns ERROR

  Scenario: NotUsedTimeOutInDays is not empty and notUsedTimeOutInDays is not a positive interger
    # engineers: Given notUsedTimeOutInDays is not empty
    Given the rule parameter "notUsedTimeOutInDays" is invalid
    # engineers: And notUsedTimeOutInDays is not a positive interger
    And the rule parameter "notUsedTimeOutInDays" is not a valid positive integer
    Then the rule returns ERROR

  Scenario: A list of IAM users and the IAM User UniqueID is listed in WhitelistedUserList
    # engineers: Given a list of IAM users
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And whitelistedUserList is configured and valid
    And the rule parameter "whitelistedUserList" is set
    # engineers: And the IAM User UniqueID is listed in WhitelistedUserList
    And its "Users[].UserId" is in "whitelistedUserList"
    Then the rule returns COMPLIANT

  Scenario: A list of IAM users and the IAM User has logged at least once in the past Options of TimeoutDays days
    # engineers: Given a list of IAM users
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And {Options of Whitelist}
    And the rule parameter "whitelistedUserList" is not set
    # engineers: And the IAM User has {Options of Access}
    And its "Users[].PasswordLastUsed" is set
    And "iam.list_access_keys" for that user returns an empty "AccessKeyMetadata[]" list
    # engineers: And the IAM User has logged at least once in the past {Options of TimeoutDays} days
    And the rule parameter "notUsedTimeOutInDays" is not set
    And its "Users[].PasswordLastUsed" is 90 days old or less
    Then the rule returns COMPLIANT

  Scenario: A list of IAM users and the IAM User has not logged at least once in the past Options of TimeoutDays days
    # engineers: Given a list of IAM users
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And {Options of Whitelist}
    And the rule parameter "whitelistedUserList" is not set
    # engineers: And the IAM User has {Options of Access}
    And its "Users[].PasswordLastUsed" is set
    And "iam.list_access_keys" for that user returns an empty "AccessKeyMetadata[]" list
    # engineers: And the IAM User has not logged at least once in the past {Options of TimeoutDays} days
    And the rule parameter "notUsedTimeOutInDays" is not set
    And its "Users[].PasswordLastUsed" is more than 90 days old
    Then the rule returns NON_COMPLIANT
