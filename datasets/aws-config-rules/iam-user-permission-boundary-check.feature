@control:none @severity:medium @resource:AWS::IAM::User @category:access-control
Feature: IAM_USER_PERMISSION_BOUNDARY_CHECK
  Description: Check if all the IAM users have permission boundary attached. The rule is NON_COMPLAINT if the permission boundary is not attached to the IAM user.
  Trigger: Periodic
  Reports on: AWS::IAM::User
  Rule Parameters: policyArns (string, optional, default none): Comma-separated list of permission boundary policy ARNs, that are expected to be attached to the IAM Users

  Background:
    Given the rule's code calls "iam.list_policies"
    And the rule's code calls "iam.list_users"
    And the rule's code calls "iam.get_user"

  Scenario: Rule parameter policyArns provided and not Valid one
    # engineers: Given rule parameter policyArns provided
    Given the rule parameter "policyArns" is invalid
    # engineers: And not Valid one
    And the rule parameter "policyArns" is not a valid list of policy ARNs
    Then the rule returns ERROR

  Scenario: No IAM users in Account
    # engineers: Given no IAM users in Account
    Given "iam.list_users" returns an empty "Users[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: At least 1 IAM User is present in the AWS Account and no permission boundary policy in the Account
    # engineers: Given at least 1 IAM User is present in the AWS Account
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And no permission boundary policy in the Account
    And "iam.list_policies" returns an empty "Policies[]" list
    Then the rule returns NON_COMPLIANT

  Scenario: At least 1 IAM User is present in the AWS Account and IAM user does not have permission boundary attached
    # engineers: Given at least 1 IAM User is present in the AWS Account
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And permission boundary policies present in Account
    And the "Policies[]" is not empty
    # engineers: And IAM user does not have permission boundary attached
    And "iam.get_user" for that user returns no "User.PermissionsBoundary"
    Then the rule returns NON_COMPLIANT

  Scenario: At least 1 IAM User is present in the AWS Account and IAM user does have permission boundary attached
    # engineers: Given at least 1 IAM User is present in the AWS Account
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And permission boundary policies present in Account
    And the "Policies[]" is not empty
    # engineers: And IAM user does have permission boundary attached
    And "iam.get_user" for that user returns a "User.PermissionsBoundary"
    Then the rule returns COMPLIANT

  Scenario: Valid Rule parameter policyArns provided and the Permission Boundary attached to user is the one listed in parameter
    # engineers: Given valid Rule parameter policyArns provided
    Given the rule parameter "policyArns" is set
    # engineers: And IAM users present in Account
    And a user in "Users[]" listed by "iam.list_users"
    # engineers: And IAM user does have permission boundary attached
    And "iam.get_user" for that user returns a "User.PermissionsBoundary"
    # engineers: And the Permission Boundary attached to user is the one listed in parameter.
    And "iam.get_user" for that user returns "User.PermissionsBoundary.PermissionsBoundaryArn" is in "policyArns"
    Then the rule returns COMPLIANT

  Scenario: Valid Rule parameter policyArns provided and IAM user does not have permission boundary attached
    # engineers: Given valid Rule parameter policyArns provided
    Given the rule parameter "policyArns" is set
    # engineers: And IAM users present in Account
    And a user in "Users[]" listed by "iam.list_users"
    # engineers: And IAM user does not have permission boundary attached
    And "iam.get_user" for that user returns no "User.PermissionsBoundary"
    Then the rule returns NON_COMPLIANT

  Scenario: Valid Rule parameter policyArns provided and the Permission Boundary attached to user is not the one listed in parameter
    # engineers: Given valid Rule parameter policyArns provided
    Given the rule parameter "policyArns" is set
    # engineers: And IAM users present in Account
    And a user in "Users[]" listed by "iam.list_users"
    # engineers: And IAM user does have permission boundary attached
    And "iam.get_user" for that user returns a "User.PermissionsBoundary"
    # engineers: And the Permission Boundary attached to user is not the one listed in parameter.
    And "iam.get_user" for that user returns "User.PermissionsBoundary.PermissionsBoundaryArn" is not in "policyArns"
    Then the rule returns NON_COMPLIANT
