@control:IAM.2 @severity:low @resource:AWS::IAM::User @category:access-control
Feature: IAM_USER_NO_POLICIES_CHECK
  Description: IAM users must receive permissions only through groups or roles, never through managed or inline policies attached to the user itself.
  Trigger: Configuration changes
  Reports on: AWS::IAM::User
  Rule Parameters: None

  Scenario: The account has no IAM users
    Given "iam.list_users" returns an empty "Users[]" list and "IsTruncated" false
    Then the rule returns NOT_APPLICABLE

  Scenario: A managed policy is attached to the user
    Given a user named in "Users[].UserName" by "iam.list_users"
    And "iam.list_attached_user_policies" for that user returns an "AttachedPolicies[].PolicyArn"
    Then the rule returns NON_COMPLIANT

  Scenario: An inline policy is embedded in the user
    Given a user named in "Users[].UserName" by "iam.list_users"
    And "iam.list_attached_user_policies" for that user returns an empty "AttachedPolicies[]" list
    And "iam.list_user_policies" for that user returns a "PolicyNames[]"
    And its "PolicyNames[]" is not empty
    Then the rule returns NON_COMPLIANT

  Scenario: The user has neither attached nor inline policies
    Given a user named in "Users[].UserName" by "iam.list_users"
    And "iam.list_attached_user_policies" for that user returns an empty "AttachedPolicies[]" list
    And "iam.list_user_policies" for that user returns an empty "PolicyNames[]" list
    Then the rule returns COMPLIANT

  Scenario: Attached policies on a later page are found
    Given "iam.list_attached_user_policies" for a user returns an empty "AttachedPolicies[]" list and "IsTruncated" true and a "Marker"
    And the next page has a policy whose "AttachedPolicies[].PolicyArn" is set
    Then the rule returns NON_COMPLIANT
