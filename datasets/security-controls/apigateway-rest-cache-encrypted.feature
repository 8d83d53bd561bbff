@control:APIGateway.5 @severity:medium @resource:AWS::ApiGateway::Stage @category:encryption-at-rest
Feature: API_GW_CACHE_ENCRYPTED
  Description: When an API Gateway REST API stage caches responses, every cached method must encrypt its cache data at rest.
  Trigger: Configuration changes
  Reports on: AWS::ApiGateway::Stage
  Rule Parameters: None

  Scenario: No REST API stages exist
    Given "apigateway.get_rest_apis", paged with "position" until it is not set, returns an empty "items[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: A cached method does not encrypt its cache
    Given a REST API from "items[].id" of "apigateway.get_rest_apis"
    And a stage of it returned by "apigateway.get_stages"
    And its "item[].cacheClusterEnabled" is true
    And some "item[].methodSettings{}.cacheDataEncrypted" of the entries whose "item[].methodSettings{}.cachingEnabled" is true is false
    Then the rule returns NON_COMPLIANT
    And the annotation is "Cache data is not encrypted for a cached method"

  Scenario: Every cached method encrypts its cache
    Given a stage returned by "apigateway.get_stages" whose "item[].cacheClusterEnabled" is true
    And every "item[].methodSettings{}.cacheDataEncrypted" of the entries whose "item[].methodSettings{}.cachingEnabled" is true is true
    Then the rule returns COMPLIANT

  Scenario: The stage does not cache
    Given a stage returned by "apigateway.get_stages" whose "item[].cacheClusterEnabled" is false
    And no "item[].methodSettings{}.cachingEnabled" is true
    Then the rule returns COMPLIANT
