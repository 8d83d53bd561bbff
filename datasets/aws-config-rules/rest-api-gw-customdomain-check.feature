@control:none @severity:high @resource:AWS::ApiGateway::DomainName @category:monitoring
Feature: REST_API_GW_CUSTOMDOMAIN_CHECK
  Description: Check whether REST API Gateway has a custom domain name and whether it matches the correct custom domain name.
  Trigger: Configuration changes
  Reports on: AWS::ApiGateway::DomainName
  Rule Parameters: customDomainName (string, optional, default none): Specify your custom domain name to display COMPLIANT

  Background:
    Given the rule's code calls "apigateway.get_domain_names"
    And the rule's code calls "apigateway.get_rest_apis"

  Scenario: Rules parameter is provided and it contains a parameter key other than CustomDomainName
    Given rules parameter is provided
    And it contains a parameter key other than CustomDomainName
    Then the rule returns ERROR

  Scenario: Rules parameter is provided
    Given rules parameter is provided
    And custom Domain Name of REST API GW matches the specified custom domain name in CustomDomainName
    Then the rule returns COMPLIANT

  Scenario: Rules parameter is provided (Scenario 3)
    Given rules parameter is provided
    And custom Domain Name of REST API GW does not match the specified custom domain name in CustomDomainName
    Then the rule returns NON_COMPLIANT

  Scenario: REST API GW is active and REST API GW does not have a custom domain name
    Given REST API GW is active
    And REST API GW does not have a custom domain name
    Then the rule returns NON_COMPLIANT
