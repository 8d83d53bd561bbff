@control:Lambda.1 @severity:critical @resource:AWS::Lambda::Function @category:access-control
Feature: LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED
  Description: The resource-based policy of a Lambda function must not let anyone outside the account invoke or manage the function; a wildcard principal is allowed only when a condition limits it to a source account, source ARN or organization.
  Trigger: Configuration changes
  Reports on: AWS::Lambda::Function
  Rule Parameters: None

  Scenario: The account has no Lambda functions
    Given "lambda.list_functions" returns an empty "Functions[]" list and no "NextMarker"
    Then the rule returns NOT_APPLICABLE

  Scenario: The function has no resource-based policy
    Given a function named in "Functions[].FunctionName" by "lambda.list_functions"
    And "lambda.get_policy" for that function fails with the error code ResourceNotFoundException
    Then the rule returns COMPLIANT

  Scenario: The policy allows any principal without a condition
    Given a function named in "Functions[].FunctionName" by "lambda.list_functions"
    And "lambda.get_policy" for that function returns a "Policy"
    And its "Policy" document has a statement with Effect Allow, Principal "*", Action lambda:InvokeFunction and no Condition
    Then the rule returns NON_COMPLIANT

  Scenario: A service principal is restricted to the triggering bucket and its account
    Given "lambda.get_policy" returns a "Policy"
    And its "Policy" document has a statement with Effect Allow, Principal s3.amazonaws.com, Action lambda:InvokeFunction, Condition ArnLike AWS:SourceArn arn:aws:s3:::amzn-s3-demo-bucket and Condition StringEquals AWS:SourceAccount 111122223333
    And its "Policy" document has no statement with Principal "*"
    Then the rule returns COMPLIANT

  Scenario: The policy allows only principals of the same account
    Given "lambda.get_policy" returns a "Policy"
    And its "Policy" document has a statement with Principal arn:aws:iam::111122223333:root
    And its "Policy" document has no statement with Principal "*"
    Then the rule returns COMPLIANT

  Scenario: A public function URL policy
    Given "lambda.get_policy" returns a "Policy"
    And its "Policy" document has a statement with Effect Allow, Principal "*", Action lambda:InvokeFunctionUrl and Condition StringEquals lambda:FunctionUrlAuthType NONE
    Then the rule returns NON_COMPLIANT
