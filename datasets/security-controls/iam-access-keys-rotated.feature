@control:IAM.3 @severity:medium @resource:AWS::IAM::User @category:access-control
Feature: ACCESS_KEYS_ROTATED
  Description: Active IAM user access keys must be rotated within the number of days the operator sets.
  Trigger: Periodic
  Reports on: AWS::IAM::User
  Rule Parameters: maxAccessKeyAge (int, optional, default 90): the largest allowed age in days of an active access key, from 1 to 2147483647

  Scenario: The account has no IAM users
    Given "iam.list_users" returns an empty "Users[]" list and "IsTruncated" false
    Then the rule returns NOT_APPLICABLE

  Scenario: The user has no access keys
    Given a user named in "Users[].UserName" by "iam.list_users"
    And "iam.list_access_keys" for that user returns an empty "AccessKeyMetadata[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: An active key is older than the allowed age
    Given the rule parameter "maxAccessKeyAge" is 90
    And "iam.list_access_keys" for a user returns "AccessKeyMetadata[].Status" "Active"
    And some "AccessKeyMetadata[].CreateDate" of the entries whose "AccessKeyMetadata[].Status" is Active is more than 90 days old
    Then the rule returns NON_COMPLIANT

  Scenario: Only an inactive key is older than the allowed age
    Given the rule parameter "maxAccessKeyAge" is 90
    And "iam.list_access_keys" for a user returns "AccessKeyMetadata[].Status" "Inactive"
    And some "AccessKeyMetadata[].CreateDate" of the entries whose "AccessKeyMetadata[].Status" is Inactive is more than 90 days old
    And every "AccessKeyMetadata[].CreateDate" of the entries whose "AccessKeyMetadata[].Status" is Active is 90 days old or less
    Then the rule returns COMPLIANT

  Scenario: All active keys are within the allowed age
    Given the rule parameter "maxAccessKeyAge" is not set
    And "iam.list_access_keys" for a user returns an "AccessKeyMetadata[]"
    And every "AccessKeyMetadata[].CreateDate" is 90 days old or less
    Then the rule returns COMPLIANT

  Scenario: Users on later pages are evaluated
    Given "iam.list_users" returns "IsTruncated" true and a "Marker"
    And "iam.list_access_keys" for a user on the next page returns "AccessKeyMetadata[].Status" "Active"
    And some "AccessKeyMetadata[].CreateDate" of the entries whose "AccessKeyMetadata[].Status" is Active is more than 90 days old
    Then the rule returns NON_COMPLIANT

  Scenario: The maximum key age is not a positive integer
    Given the rule parameter "maxAccessKeyAge" is 0
    Then the rule returns ERROR
