@control:none @severity:medium @resource:AWS::Lambda::Function @category:monitoring
Feature: LAMBDA_CODE_IS_VERSIONED
  Description: Ensure that all the lambda functions have at least one defined version and alias, also ensure that no alias pointing to $LATEST version
  Trigger: Periodic
  Reports on: AWS::Lambda::Function
  Rule Parameters: None

  Background:
    Given the rule's code calls "lambda.list_versions_by_function"
    And the rule's code calls "lambda.list_functions"
    And the rule's code calls "lambda.list_aliases"

  Scenario: No lambda function present
    Given no lambda function present
    Then the rule returns NOT_APPLICABLE

  Scenario: Lambda function is present and lambda function does not have at least one version
    Given lambda function is present
    And lambda function does not have at least one version
    Then the rule returns NON_COMPLIANT

  Scenario: Lambda function is present and lambda function has at least one version and no alias present for lambda function
    Given lambda function is present
    And lambda function has at least one version
    And no alias present for lambda function.
    Then the rule returns NON_COMPLIANT

  Scenario: Lambda function is present and alias points to $LATEST version
    Given lambda function is present
    And lambda function has at least one version
    And at least one alias is present for a lambda function
    And alias points to $LATEST version
    Then the rule returns NON_COMPLIANT

  Scenario: Lambda function is present and no alias points to $LATEST version
    Given lambda function is present
    And lambda function has at least one version
    And at least one alias is present for a lambda function
    And no alias points to $LATEST version
    Then the rule returns COMPLIANT
