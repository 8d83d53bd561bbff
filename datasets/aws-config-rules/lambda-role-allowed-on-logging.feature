@control:none @severity:medium @resource:AWS::Lambda::Function @category:logging
Feature: LAMBDA_ROLE_ALLOWED_ON_LOGGING
  Description: Ensure Lambda has the permission for logging. Each Lambda functions should have an IAM role with appropriate IAM permissions to publish its Lambda function logs to CloudWatch.
  Trigger: Configuration changes
  Reports on: AWS::Lambda::Function
  Rule Parameters: None

  Background:
    Given the rule's code calls "iam.list_attached_role_policies"
    And the rule's code calls "iam.list_role_policies"
    And the rule's code calls "iam.get_role_policy"
    And the rule's code calls "iam.get_policy"
    And the rule's code calls "iam.get_policy_version"

  Scenario: A Lambda is deleted
    # engineers: Given a Lambda is deleted (the rule's code reads the configuration item's status, ResourceDeleted)
    Given the configuration item's status is ResourceDeleted
    Then the rule returns NOT_APPLICABLE

  Scenario: A Lambda Role with the AWS-managed policy named AWSLambdaBasicExecutionRole
    # engineers: Given a Lambda Role with the AWS-managed policy named "AWSLambdaBasicExecutionRole"
    Given some "AttachedPolicies[].PolicyArn" is "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
    Then the rule returns COMPLIANT

  Scenario: A Lambda Role with no Policy
    # engineers: Given a Lambda Role with no {Policy}
    Given the "AttachedPolicies[]" is empty
    And the "PolicyNames[]" is empty
    Then the rule returns NON_COMPLIANT

  Scenario: At least one Policy statement of Lambda Role has Action as "*"
    # engineers: Given at least one {Policy} statement of Lambda Role has Action as "*"
    Given the "PolicyVersion.Document" document has a statement with Effect Allow, Action "*" and Resource "*"
    # engineers: And the resource-level condition is either * or arn:aws:logs:*
    And the "PolicyVersion.Document" document has a statement with Effect Allow and Resource "*"
    Then the rule returns COMPLIANT

  Scenario: At least one Policy statement of Lambda Role has Action as "logs:*""
    # engineers: Given at least one {Policy} statement of Lambda Role has Action as "logs:*""
    Given the "PolicyVersion.Document" document has a statement with Effect Allow, Action "logs:*" and Resource "*"
    # engineers: And the resource-level condition is either * or arn:aws:logs:*
    And the "PolicyVersion.Document" document has a statement with Effect Allow and Resource "*"
    Then the rule returns COMPLIANT

  Scenario: At least one Policy statement of Lambda Role has Action as "logs:CreateLogGroup", "logs:CreateLogStream" and
    # engineers: Given at least one {Policy} statement of Lambda Role has Action as "logs:CreateLogGroup", "logs:CreateLogStream" and "logs:PutLogEvents"
    Given the "PolicyVersion.Document" document has a statement with Effect Allow, Action "logs:CreateLogGroup", Action "logs:CreateLogStream", Action "logs:PutLogEvents" and Resource "*"
    # engineers: And the resource-level condition is either * or arn:aws:logs:*
    And the "PolicyVersion.Document" document has a statement with Effect Allow and Resource "*"
    Then the rule returns COMPLIANT

  Scenario: Scenario 4/5/6 are not happening
    # engineers: Given scenario 4/5/6 are not happening
    Given no "AttachedPolicies[].PolicyArn" is "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
    And the "PolicyVersion.Document" document has no statement with Effect Allow, Action "*" and Resource "*"
    And the "PolicyVersion.Document" document has no statement with Effect Allow, Action "logs:*" and Resource "*"
    And the "PolicyVersion.Document" document has no statement with Effect Allow, Action "logs:CreateLogGroup", Action "logs:CreateLogStream", Action "logs:PutLogEvents" and Resource "*"
    And the "PolicyDocument" document has no statement with Effect Allow, Action "*" and Resource "*"
    And the "PolicyDocument" document has no statement with Effect Allow, Action "logs:*" and Resource "*"
    And the "PolicyDocument" document has no statement with Effect Allow, Action "logs:CreateLogGroup", Action "logs:CreateLogStream", Action "logs:PutLogEvents" and Resource "*"
    Then the rule returns NON_COMPLIANT
