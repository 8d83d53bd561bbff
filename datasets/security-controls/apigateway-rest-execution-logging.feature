@control:APIGateway.1 @severity:medium @resource:AWS::ApiGateway::Stage @category:logging
Feature: API_GW_EXECUTION_LOGGING_ENABLED
  Description: Every stage of an API Gateway REST API must send execution logs to CloudWatch Logs at the ERROR or INFO level for all methods.
  Trigger: Configuration changes
  Reports on: AWS::ApiGateway::Stage
  Rule Parameters: None

  Scenario: No REST API stages exist
    Given "apigateway.get_rest_apis", paged with "position" until it is not set, returns an empty "items[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: Execution logging is off for the stage
    Given a REST API from "items[].id" of "apigateway.get_rest_apis"
    And a stage of it returned by "apigateway.get_stages"
    And the "item[].methodSettings{}.loggingLevel" value of */* is OFF
    Then the rule returns NON_COMPLIANT
    And the annotation is "Execution logging is OFF"

  Scenario: No stage-wide method settings exist
    Given a stage returned by "apigateway.get_stages"
    And the "item[].methodSettings{}" value of */* is not set
    Then the rule returns NON_COMPLIANT

  Scenario: A single method overrides the stage setting with OFF
    Given a stage returned by "apigateway.get_stages"
    And the "item[].methodSettings{}.loggingLevel" value of */* is ERROR
    And the "item[].methodSettings{}.loggingLevel" value of /orders/GET is OFF
    Then the rule returns NON_COMPLIANT

  Scenario: Execution logging is on for all methods
    Given a stage returned by "apigateway.get_stages"
    And the "item[].methodSettings{}.loggingLevel" value of */* is ERROR or INFO
    And no "item[].methodSettings{}.loggingLevel" is OFF
    Then the rule returns COMPLIANT
