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
    Given rule parameter policyArns provided
    And not Valid one
    Then the rule returns ERROR

  Scenario: No IAM users in Account
    Given no IAM users in Account
    Then the rule returns NOT_APPLICABLE

  Scenario: At least 1 IAM User is present in the AWS Account and no permission boundary policy in the Account
    Given at least 1 IAM User is present in the AWS Account
    And no permission boundary policy in the Account
    Then the rule returns NON_COMPLIANT

  Scenario: At least 1 IAM User is present in the AWS Account and IAM user does not have permission boundary attached
    Given at least 1 IAM User is present in the AWS Account
    And permission boundary policies present in Account
    And IAM user does not have permission boundary attached
    Then the rule returns NON_COMPLIANT

  Scenario: At least 1 IAM User is present in the AWS Account and IAM user does have permission boundary attached
    Given at least 1 IAM User is present in the AWS Account
    And permission boundary policies present in Account
    And IAM user does have permission boundary attached
    Then the rule returns COMPLIANT

  Scenario: Valid Rule parameter policyArns provided and the Permission Boundary attached to user is the one listed in parameter
    Given valid Rule parameter policyArns provided
    And IAM users present in Account
    And IAM user does have permission boundary attached
    And the Permission Boundary attached to user is the one listed in parameter.
    Then the rule returns COMPLIANT

  Scenario: Valid Rule parameter policyArns provided and IAM user does not have permission boundary attached
    Given valid Rule parameter policyArns provided
    And IAM users present in Account
    And IAM user does not have permission boundary attached
    Then the rule returns NON_COMPLIANT

  Scenario: Valid Rule parameter policyArns provided and the Permission Boundary attached to user is not the one listed in parameter
    Given valid Rule parameter policyArns provided
    And IAM users present in Account
    And IAM user does have permission boundary attached
    And the Permission Boundary attached to user is not the one listed in parameter.
    Then the rule returns NON_COMPLIANT
