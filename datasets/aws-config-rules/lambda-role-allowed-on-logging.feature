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
    Given a Lambda is deleted
    Then the rule returns NOT_APPLICABLE

  Scenario: A Lambda Role with the AWS-managed policy named AWSLambdaBasicExecutionRole
    # engineers: Given a Lambda Role with the AWS-managed policy named "AWSLambdaBasicExecutionRole"
    Given a Lambda Role with the AWS-managed policy named AWSLambdaBasicExecutionRole
    Then the rule returns COMPLIANT

  Scenario: A Lambda Role with no Policy
    # engineers: Given a Lambda Role with no {Policy}
    Given a Lambda Role with no Policy
    Then the rule returns NON_COMPLIANT

  Scenario: At least one Policy statement of Lambda Role has Action as "*"
    # engineers: Given at least one {Policy} statement of Lambda Role has Action as "*"
    Given at least one Policy statement of Lambda Role has Action as "*"
    And the resource-level condition is either * or arn:aws:logs:*
    Then the rule returns COMPLIANT

  Scenario: At least one Policy statement of Lambda Role has Action as "logs:*""
    # engineers: Given at least one {Policy} statement of Lambda Role has Action as "logs:*""
    Given at least one Policy statement of Lambda Role has Action as "logs:*""
    And the resource-level condition is either * or arn:aws:logs:*
    Then the rule returns COMPLIANT

  Scenario: At least one Policy statement of Lambda Role has Action as "logs:CreateLogGroup", "logs:CreateLogStream" and
    # engineers: Given at least one {Policy} statement of Lambda Role has Action as "logs:CreateLogGroup", "logs:CreateLogStream" and "logs:PutLogEvents"
    Given at least one Policy statement of Lambda Role has Action as "logs:CreateLogGroup", "logs:CreateLogStream" and "logs:PutLogEvents"
    And the resource-level condition is either * or arn:aws:logs:*
    Then the rule returns COMPLIANT

  Scenario: Scenario 4/5/6 are not happening
    Given scenario 4/5/6 are not happening
    Then the rule returns NON_COMPLIANT
