@control:none @severity:medium @resource:AWS::IAM::Role @category:access-control
Feature: IAM_ROLE_NO_POLICY_FULL_STAR
  Description: Check whether IAM Roles have an IAM policy with all permission enabled (or "Action:*"). IAM Policy includes the AWS-managed policy named AdministratorAccess, Customer-managed policies and inline policies.
  Trigger: Configuration changes
  Reports on: AWS::IAM::Role
  Rule Parameters: None

  Background:
    Given the rule's code calls "iam.get_role_policy"
    And the rule's code calls "iam.get_policy"
    And the rule's code calls "iam.get_policy_version"
    And the rule's code calls "iam.list_role_policies"
    And the rule's code calls "iam.list_attached_role_policies"

  Scenario: Any allow Policy statements of role has Action as "*"
    # engineers: Given any allow {Policy} statements of role has Action as "*"
    Given the "PolicyVersion.Document" document has a statement with Effect Allow and Action "*"
    Then the rule returns NON_COMPLIANT

  Scenario: All allow Policy statments of role do not have Action as "*"
    # engineers: Given all allow {Policy} statments of role do not have Action as "*"
    Given the "PolicyDocument" document has no statement with Effect Allow and Action "*"
    And the "PolicyVersion.Document" document has no statement with Effect Allow and Action "*"
    Then the rule returns COMPLIANT

  Scenario: No policy is applying to the role
    # engineers: Given no policy is applying to the role
    Given the "PolicyNames[]" is empty
    And the "AttachedPolicies[]" is empty
    Then the rule returns COMPLIANT
