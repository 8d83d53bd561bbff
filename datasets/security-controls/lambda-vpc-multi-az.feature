@control:Lambda.5 @severity:medium @resource:AWS::Lambda::Function @category:resilience
Feature: LAMBDA_VPC_MULTI_AZ_CHECK
  Description: Lambda functions connected to a VPC must be given subnets in at least two Availability Zones, so that the function keeps running when one zone fails.
  Trigger: Configuration changes
  Reports on: AWS::Lambda::Function
  Rule Parameters: None

  Scenario: A function that is not connected to a VPC is not evaluated
    Given a function in "Functions[]" returned by "lambda.list_functions"
    And its "Functions[].VpcConfig.SubnetIds" is empty or not set
    Then the rule returns NOT_APPLICABLE

  Scenario: All subnets of the function are in one Availability Zone
    Given a function in "Functions[]" returned by "lambda.list_functions"
    And the number of "Functions[].VpcConfig.SubnetIds[]" is 2
    And "ec2.describe_subnets" for those subnet ids returns a "Subnets[]"
    And the number of distinct "Subnets[].AvailabilityZone" is 1
    Then the rule returns NON_COMPLIANT

  Scenario: The function has a single subnet
    Given a function in "Functions[]" returned by "lambda.list_functions"
    And the number of "Functions[].VpcConfig.SubnetIds[]" is 1
    Then the rule returns NON_COMPLIANT

  Scenario: The subnets span two Availability Zones
    Given a function in "Functions[]" returned by "lambda.list_functions"
    And the number of "Functions[].VpcConfig.SubnetIds[]" is 2 or more
    And "ec2.describe_subnets" for those subnet ids returns a "Subnets[]"
    And the number of distinct "Subnets[].AvailabilityZone" is 2 or more
    Then the rule returns COMPLIANT

  Scenario: Functions on later pages are evaluated
    Given "lambda.list_functions" returns a "NextMarker"
    And the next page holds a VPC function whose "Functions[].VpcConfig.SubnetIds" is not empty
    And the number of "Functions[].VpcConfig.SubnetIds[]" is 1
    Then the rule returns NON_COMPLIANT
