@control:none @severity:medium @resource:AWS::IAM::User @category:access-control
Feature: IAM_POLICY_REQUIRED
  Description: To check IAM users and roles have a given policy attached directly or through a group.
  Trigger: Configuration changes
  Reports on: AWS::IAM::User
  Rule Parameters: policyArns (string, required, default none): Comma separated list of policy ARNs which should be attached to users and roles. Example: "arn:aws:iam::012345678912:policy/MyPolicy"; exceptionList (string, optional, default none): Represents the IAM users and roles which are exempted from the IAM Config rule. The valid entities in this list will be compliant by default. Example: users:[userName1,userName2],roles:[roleName]

  Background:
    Given the rule's code calls "iam.list_attached_group_policies"

  Scenario: No IAM Users or Roles exist and evaluation occurs
    # engineers: Given no IAM Users or Roles exist
    Given there is no configuration item of an IAM user or role
    And evaluation occurs
    Then the rule returns NOT_APPLICABLE

  Scenario: ExceptionList is configured and evaluation occurs
    # engineers: Given exceptionList is configured
    Given the rule parameter "exceptionList" is invalid
    # engineers: And an {entity} listed in the exceptionList is not an alphanumerical string
    And the rule parameter "exceptionList" is not a valid list of alphanumerical user and role names
    And evaluation occurs
    Then the rule returns ERROR

  Scenario: PolicyArns is configured and policyArns does not contain valid ARNs
    # engineers: Given policyArns is configured
    Given the rule parameter "policyArns" is invalid
    # engineers: And policyArns does not contain valid ARNs
    And the rule parameter "policyArns" is not a valid list of policy ARNs
    Then the rule returns ERROR

  Scenario: An entity exists and evaluation occurs
    # engineers: Given an {entity} exists
    Given the configuration item's resource type is one of AWS::IAM::User and AWS::IAM::Role
    # engineers: And exceptionList is configured and valid
    And the rule parameter "exceptionList" is set
    # engineers: And the {entity} is listed in the exceptionList
    And either the configuration item's "UserDetailList[].UserName" is in "exceptionList" or the configuration item's "RoleDetailList[].RoleName" is in "exceptionList"
    And evaluation occurs
    Then the rule returns COMPLIANT

  Scenario: An entity exists and the entity has all the policies listed in policyArns attached and evaluation occurs
    # engineers: Given an {entity} exists
    Given the configuration item's resource type is one of AWS::IAM::User and AWS::IAM::Role
    # engineers: And the {entity} has all the policies listed in policyArns attached
    And either every value of "policyArns" is in the configuration item's "UserDetailList[].AttachedManagedPolicies[].PolicyArn" or every value of "policyArns" is in the configuration item's "RoleDetailList[].AttachedManagedPolicies[].PolicyArn"
    And evaluation occurs
    Then the rule returns COMPLIANT

  Scenario: An IAM user exists and evaluation occurs
    # engineers: Given an IAM user exists
    Given the configuration item's resource type is AWS::IAM::User
    # engineers: And the IAM user groups combined have the policies listed in policyArns attached
    And every value of "policyArns" is in "AttachedPolicies[].PolicyArn"
    And evaluation occurs
    Then the rule returns COMPLIANT

  Scenario: An IAM user exists
    # engineers: Given an IAM user exists
    Given the configuration item's resource type is AWS::IAM::User
    # engineers: And the IAM user does not have all the policies listed in policyArns attached
    And some value of "policyArns" is not in the configuration item's "UserDetailList[].AttachedManagedPolicies[].PolicyArn"
    # engineers: And the IAM user's groups combined do not have all the policy listed in policyArns attached
    And some value of "policyArns" is not in "AttachedPolicies[].PolicyArn"
    And evaluation occurs
    Then the rule returns NON_COMPLIANT

  Scenario: An IAM role exists and the IAM role does not have all the policies listed in policyArns attached and evaluation occurs
    # engineers: Given an IAM role exists
    Given the configuration item's resource type is AWS::IAM::Role
    # engineers: And the IAM role does not have all the policies listed in policyArns attached
    And some value of "policyArns" is not in the configuration item's "RoleDetailList[].AttachedManagedPolicies[].PolicyArn"
    And evaluation occurs
    Then the rule returns NON_COMPLIANT
