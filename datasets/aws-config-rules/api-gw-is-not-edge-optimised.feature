@control:none @severity:medium @resource:AWS::ApiGateway::RestApi @category:monitoring
Feature: API_GW_IS_NOT_EDGE_OPTIMISED
  Description: Check that all APIs are private or regional, and not edge optimised.
  Trigger: Periodic
  Reports on: AWS::ApiGateway::RestApi
  Rule Parameters: None

  Background:
    Given the rule's code calls "apigateway.get_rest_apis"

  Scenario: The ExceptionList parameter is not alphanumerical lower case
    Given the ExceptionList parameter is not alphanumerical lower case
    Then the rule returns ERROR

  Scenario: An API is in the ExceptionList
    Given an API is in the ExceptionList
    Then the rule returns COMPLIANT
    And the annotation is "API is part of exception list"

  Scenario: An API is not in the ExceptionList and API has endpointConfiguration including the type EDGE
    Given an API is not in the ExceptionList
    And API has endpointConfiguration including the type EDGE
    Then the rule returns NON_COMPLIANT

  Scenario: The API is not in the ExceptionList and API has endpointConfiguration do not include the type EDGE
    Given the API is not in the ExceptionList
    And API has endpointConfiguration do not include the type EDGE
    Then the rule returns COMPLIANT
