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
    Given a stage returned by "apigateway.get_stages" for a REST API from "items[].id" of "apigateway.get_rest_apis"
    And its "item[].cacheClusterEnabled" is true
    And an "item[].methodSettings{}" entry has "item[].methodSettings{}.cachingEnabled" true and "item[].methodSettings{}.cacheDataEncrypted" false
    Then the rule returns NON_COMPLIANT
    And the annotation is "Cache data is not encrypted for a cached method"

  Scenario: Every cached method encrypts its cache
    Given a stage returned by "apigateway.get_stages" whose "item[].cacheClusterEnabled" is true
    And every "item[].methodSettings{}" entry with "item[].methodSettings{}.cachingEnabled" true has "item[].methodSettings{}.cacheDataEncrypted" true
    Then the rule returns COMPLIANT

  Scenario: The stage does not cache
    Given a stage returned by "apigateway.get_stages" whose "item[].cacheClusterEnabled" is false
    And no "item[].methodSettings{}.cachingEnabled" is true
    Then the rule returns COMPLIANT
