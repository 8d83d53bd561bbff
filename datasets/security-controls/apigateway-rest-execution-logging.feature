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
    And "apigateway.get_stages" for it returns a stage whose "item[].methodSettings{}.loggingLevel" under the key */* is OFF
    Then the rule returns NON_COMPLIANT
    And the annotation is "Execution logging is OFF"

  Scenario: No stage-wide method settings exist
    Given a stage returned by "apigateway.get_stages" whose "item[].methodSettings{}" has no */* key
    Then the rule returns NON_COMPLIANT

  Scenario: A single method overrides the stage setting with OFF
    Given a stage returned by "apigateway.get_stages" whose */* "item[].methodSettings{}.loggingLevel" is ERROR
    And the "item[].methodSettings{}" entry for /orders/GET has "item[].methodSettings{}.loggingLevel" OFF
    Then the rule returns NON_COMPLIANT

  Scenario: Execution logging is on for all methods
    Given a stage returned by "apigateway.get_stages" whose */* "item[].methodSettings{}.loggingLevel" is ERROR or INFO
    And no other "item[].methodSettings{}" entry sets "item[].methodSettings{}.loggingLevel" to OFF
    Then the rule returns COMPLIANT
