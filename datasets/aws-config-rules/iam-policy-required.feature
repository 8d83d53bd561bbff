@control:none @severity:medium @resource:AWS::IAM::User @category:access-control
Feature: IAM_POLICY_REQUIRED
  Description: To check IAM users and roles have a given policy attached directly or through a group.
  Trigger: Configuration changes
  Reports on: AWS::IAM::User
  Rule Parameters: policyArns (string, required, default none): Comma separated list of policy ARNs which should be attached to users and roles. Example: "arn:aws:iam::012345678912:policy/MyPolicy"; exceptionList (string, optional, default none): Represents the IAM users and roles which are exempted from the IAM Config rule. The valid entities in this list will be compliant by default. Example: users:[userName1,userName2],roles:[roleName]

  Background:
    Given the rule's code calls "iam.list_attached_group_policies"

  Scenario: No IAM Users or Roles exist and evaluation occurs
    Given no IAM Users or Roles exist
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
    Given an entity exists
    And exceptionList is configured and valid
    # engineers: And the {entity} is listed in the exceptionList
    And the entity is listed in the exceptionList
    And evaluation occurs
    Then the rule returns COMPLIANT

  Scenario: An entity exists and the entity has all the policies listed in policyArns attached and evaluation occurs
    # engineers: Given an {entity} exists
    Given an entity exists
    # engineers: And the {entity} has all the policies listed in policyArns attached
    And the entity has all the policies listed in policyArns attached
    And evaluation occurs
    Then the rule returns COMPLIANT

  Scenario: An IAM user exists and evaluation occurs
    Given an IAM user exists
    And the IAM user groups combined have the policies listed in policyArns attached
    And evaluation occurs
    Then the rule returns COMPLIANT

  Scenario: An IAM user exists
    Given an IAM user exists
    And the IAM user does not have all the policies listed in policyArns attached
    And the IAM user's groups combined do not have all the policy listed in policyArns attached
    And evaluation occurs
    Then the rule returns NON_COMPLIANT

  Scenario: An IAM role exists and the IAM role does not have all the policies listed in policyArns attached and evaluation occurs
    Given an IAM role exists
    And the IAM role does not have all the policies listed in policyArns attached
    And evaluation occurs
    Then the rule returns NON_COMPLIANT
