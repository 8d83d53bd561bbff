@control:APIGateway.8 @severity:medium @resource:AWS::ApiGatewayV2::Route @category:access-control
Feature: API_GWV2_AUTHORIZATION_TYPE_CONFIGURED
  Description: Every route of an API Gateway HTTP or WebSocket API must require an authorizer (IAM, a Lambda authorizer or JWT), so no route can be invoked anonymously.
  Trigger: Configuration changes
  Reports on: AWS::ApiGatewayV2::Route
  Rule Parameters: None

  Scenario: No HTTP or WebSocket APIs exist
    Given "apigatewayv2.get_apis", paged with "NextToken" until it is not set, returns an empty "Items[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: A route has no authorization
    Given an API from "Items[].ApiId" of "apigatewayv2.get_apis"
    And a route of it returned by "apigatewayv2.get_routes" whose "Items[].AuthorizationType" is "NONE"
    Then the rule returns NON_COMPLIANT
    And the annotation is "Route has authorization type NONE"

  Scenario: A route uses IAM authorization
    Given a route returned by "apigatewayv2.get_routes" whose "Items[].AuthorizationType" is "AWS_IAM"
    Then the rule returns COMPLIANT

  Scenario: A route uses a JWT or Lambda authorizer
    Given a route returned by "apigatewayv2.get_routes" whose "Items[].AuthorizationType" is "JWT" or "CUSTOM"
    And its "Items[].AuthorizerId" is set
    Then the rule returns COMPLIANT
