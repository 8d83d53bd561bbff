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
    Given a periodic trigger
    And no IAM Users
    Then the rule returns NOT_APPLICABLE

  Scenario: WhitelistedUserList is not empty
    Given whitelistedUserList is not empty
    # engineers: And a user listed in WhitelistedUserList is not an alphanumerical string starting with "AIDA"
    And a user listed in WhitelistedUserList is not an alphanumerical string starting with AIDA
    Then the rule returns ERROR

  Scenario: NotUsedTimeOutInDays is not empty and notUsedTimeOutInDays is not a positive interger
    Given notUsedTimeOutInDays is not empty
    And notUsedTimeOutInDays is not a positive interger
    Then the rule returns ERROR

  Scenario: A list of IAM users and the IAM User UniqueID is listed in WhitelistedUserList
    Given a list of IAM users
    And whitelistedUserList is configured and valid
    And the IAM User UniqueID is listed in WhitelistedUserList
    Then the rule returns COMPLIANT

  Scenario: A list of IAM users and the IAM User has logged at least once in the past Options of TimeoutDays days
    Given a list of IAM users
    # engineers: And {Options of Whitelist}
    And Options of Whitelist
    # engineers: And the IAM User has {Options of Access}
    And the IAM User has Options of Access
    # engineers: And the IAM User has logged at least once in the past {Options of TimeoutDays} days
    And the IAM User has logged at least once in the past Options of TimeoutDays days
    Then the rule returns COMPLIANT

  Scenario: A list of IAM users and the IAM User has not logged at least once in the past Options of TimeoutDays days
    Given a list of IAM users
    # engineers: And {Options of Whitelist}
    And Options of Whitelist
    # engineers: And the IAM User has {Options of Access}
    And the IAM User has Options of Access
    # engineers: And the IAM User has not logged at least once in the past {Options of TimeoutDays} days
    And the IAM User has not logged at least once in the past Options of TimeoutDays days
    Then the rule returns NON_COMPLIANT
