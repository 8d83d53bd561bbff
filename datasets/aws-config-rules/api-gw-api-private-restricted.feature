@control:none @severity:medium @resource:AWS::ApiGateway::RestApi @category:network-exposure
Feature: API_GW_API_PRIVATE_RESTRICTED
  Description: Check that all private APIs uses resource policy restricting to VPC endpoints or VPC in the same AWS account.
  Trigger: Periodic
  Reports on: AWS::ApiGateway::RestApi
  Rule Parameters: None

  Background:
    Given the rule's code calls "ec2.describe_vpcs"
    And the rule's code calls "ec2.describe_vpc_endpoints"
    And the rule's code calls "apigateway.get_rest_apis"

  Scenario: An API is not in Private mode
    # engineers: Given an API is not in Private mode
    Given an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].endpointConfiguration.types[]" does not contain PRIVATE
    Then the rule returns NOT_APPLICABLE

  Scenario: An API is in Private mode and this API does not have a resource policy attached
    # engineers: Given an API is in Private mode
    Given an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].endpointConfiguration.types[]" contains PRIVATE
    # engineers: And this API does not have a resource policy attached
    And its "items[].policy" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: An API is in Private mode and this API has no resource policy with an 'Allow' statement
    # engineers: Given an API is in Private mode
    Given an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].endpointConfiguration.types[]" contains PRIVATE
    # engineers: And this API has no resource policy with an 'Allow' statement
    And its "items[].policy" document has no statement with Effect Allow
    Then the rule returns NON_COMPLIANT

  Scenario: An API is in Private mode and the 'Allow' statement(s) does not contain Options of Policy
    # engineers: Given an API is in Private mode
    Given an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].endpointConfiguration.types[]" contains PRIVATE
    # engineers: And APIs have resource policy attached, containing one or more 'Allow' statements
    And its "items[].policy" is set
    And its "items[].policy" document has a statement with Effect Allow
    # engineers: And the 'Allow' statement(s) does not contain {Options of Policy}
    And its "items[].policy" document has no statement with Effect Allow and ConditionKey aws:sourceVpc
    And its "items[].policy" document has no statement with Effect Allow and ConditionKey aws:sourceVpce
    Then the rule returns NON_COMPLIANT

  Scenario: An API is in Private mode and those VPCs are not in the same account than this API Gateway
    # engineers: Given an API is in Private mode
    Given an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].endpointConfiguration.types[]" contains PRIVATE
    # engineers: And APIs have resource policy attached, containing one or more 'Allow' statements
    And its "items[].policy" is set
    And its "items[].policy" document has a statement with Effect Allow
    # engineers: And the 'Allow' statement(s) contain a 'Condition' about 'StringEquals' about 'aws:sourceVpc'
    And its "items[].policy" document has a statement with Effect Allow and ConditionKey aws:sourceVpc
    # engineers: And those VPCs are not in the same account than this API Gateway. (the rule compares the ids in the Allow statements' StringEquals condition with the VPCs it lists)
    And the "items[].policy" document's "Statement[].Condition.StringEquals.aws:sourceVpc" is not among the "Vpcs[].VpcId"
    Then the rule returns NON_COMPLIANT

  Scenario: An API is in Private mode and those VPCs are in the same account than this API Gateway
    # engineers: Given an API is in Private mode
    Given an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].endpointConfiguration.types[]" contains PRIVATE
    # engineers: And APIs have resource policy attached, containing one or more 'Allow' statements
    And its "items[].policy" is set
    And its "items[].policy" document has a statement with Effect Allow
    # engineers: And the 'Allow' statement(s) contain a 'Condition' about 'StringEquals' about 'aws:sourceVpc'
    And its "items[].policy" document has a statement with Effect Allow and ConditionKey aws:sourceVpc
    # engineers: And those VPCs are in the same account than this API Gateway. (the rule compares the ids in the Allow statements' StringEquals condition with the VPCs it lists)
    And the "items[].policy" document's "Statement[].Condition.StringEquals.aws:sourceVpc" is among the "Vpcs[].VpcId"
    Then the rule returns COMPLIANT

  Scenario: An API is in Private mode and those VPC Endpoints are not in the same account than this API Gateway
    # engineers: Given an API is in Private mode
    Given an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].endpointConfiguration.types[]" contains PRIVATE
    # engineers: And APIs have resource policy attached, containing one or more 'Allow' statements
    And its "items[].policy" is set
    And its "items[].policy" document has a statement with Effect Allow
    # engineers: And the 'Allow' statement(s) contain a 'Condition' about 'StringEquals' about 'aws:sourceVpce'
    And its "items[].policy" document has a statement with Effect Allow and ConditionKey aws:sourceVpce
    # engineers: And those VPC Endpoints are not in the same account than this API Gateway. (the rule compares the ids in the Allow statements' StringEquals condition with the VPC endpoints it lists)
    And the "items[].policy" document's "Statement[].Condition.StringEquals.aws:sourceVpce" is not among the "VpcEndpoints[].VpcEndpointId"
    Then the rule returns NON_COMPLIANT

  Scenario: An API is in Private mode and those VPC Endpoints are in the same account than this API Gateway
    # engineers: Given an API is in Private mode
    Given an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].endpointConfiguration.types[]" contains PRIVATE
    # engineers: And APIs have resource policy attached, containing one or more 'Allow' statements
    And its "items[].policy" is set
    And its "items[].policy" document has a statement with Effect Allow
    # engineers: And the 'Allow' statement(s) contain a 'Condition' about 'StringEquals' about 'aws:sourceVpce'
    And its "items[].policy" document has a statement with Effect Allow and ConditionKey aws:sourceVpce
    # engineers: And those VPC Endpoints are in the same account than this API Gateway. (the rule compares the ids in the Allow statements' StringEquals condition with the VPC endpoints it lists)
    And the "items[].policy" document's "Statement[].Condition.StringEquals.aws:sourceVpce" is among the "VpcEndpoints[].VpcEndpointId"
    Then the rule returns COMPLIANT
