@control:none @severity:medium @resource:AWS::ApiGateway::RestApi @category:monitoring
Feature: API_GW_IS_NOT_EDGE_OPTIMISED
  Description: Check that all APIs are private or regional, and not edge optimised.
  Trigger: Periodic
  Reports on: AWS::ApiGateway::RestApi
  Rule Parameters: exceptionList (string, optional, default none): List the ID of allowed EDGE API Gateways, separated by a comma.

  Background:
    Given the rule's code calls "apigateway.get_rest_apis"

  Scenario: The ExceptionList parameter is not alphanumerical lower case
    # engineers: Given the ExceptionList parameter is not alphanumerical lower case
    Given the rule parameter "exceptionList" is not a valid list of lower-case alphanumerical API ids
    Then the rule returns ERROR

  Scenario: An API is in the ExceptionList
    # engineers: Given an API is in the ExceptionList
    Given an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].id" is in "exceptionList"
    Then the rule returns COMPLIANT
    And the annotation is "API is part of exception list"

  Scenario: An API is not in the ExceptionList and API has endpointConfiguration including the type EDGE
    # engineers: Given an API is not in the ExceptionList
    Given an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].id" is not in "exceptionList"
    # engineers: And API has endpointConfiguration including the type EDGE
    And its "items[].endpointConfiguration.types[]" contains EDGE
    Then the rule returns NON_COMPLIANT

  Scenario: The API is not in the ExceptionList and API has endpointConfiguration do not include the type EDGE
    # engineers: Given the API is not in the ExceptionList
    Given an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].id" is not in "exceptionList"
    # engineers: And API has endpointConfiguration do not include the type EDGE
    And its "items[].endpointConfiguration.types[]" does not contain EDGE
    Then the rule returns COMPLIANT
