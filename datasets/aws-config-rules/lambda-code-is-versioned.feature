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
    # engineers: Given no lambda function present
    Given "lambda.list_functions" returns an empty "Functions[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: Lambda function is present and lambda function does not have at least one version
    # engineers: Given lambda function is present
    Given a function in "Functions[]" listed by "lambda.list_functions"
    # engineers: And lambda function does not have at least one version
    And the number of "Versions[]" is 1 or less
    Then the rule returns NON_COMPLIANT

  Scenario: Lambda function is present and lambda function has at least one version and no alias present for lambda function
    # engineers: Given lambda function is present
    Given a function in "Functions[]" listed by "lambda.list_functions"
    # engineers: And lambda function has at least one version
    And the number of "Versions[]" is more than 1
    # engineers: And no alias present for lambda function.
    And "lambda.list_aliases" for that function returns an empty "Aliases[]" list
    Then the rule returns NON_COMPLIANT

  Scenario: Lambda function is present and alias points to $LATEST version
    # engineers: Given lambda function is present
    Given a function in "Functions[]" listed by "lambda.list_functions"
    # engineers: And lambda function has at least one version
    And the number of "Versions[]" is more than 1
    # engineers: And at least one alias is present for a lambda function
    And the "Aliases[]" is not empty
    # engineers: And alias points to $LATEST version
    And some "Aliases[].FunctionVersion" is "$LATEST"
    Then the rule returns NON_COMPLIANT

  Scenario: Lambda function is present and no alias points to $LATEST version
    # engineers: Given lambda function is present
    Given a function in "Functions[]" listed by "lambda.list_functions"
    # engineers: And lambda function has at least one version
    And the number of "Versions[]" is more than 1
    # engineers: And at least one alias is present for a lambda function
    And the "Aliases[]" is not empty
    # engineers: And no alias points to $LATEST version
    And every "Aliases[].FunctionVersion" is not "$LATEST"
    Then the rule returns COMPLIANT
