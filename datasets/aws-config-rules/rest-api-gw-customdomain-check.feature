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
    # engineers: Given rules parameter is provided | And it contains a parameter key other than CustomDomainName (the rule's code then finds no "CustomDomainName" key: it reads the parameter as not set)
    Given the rule parameter "customDomainName" is not set
    Then the rule returns ERROR

  Scenario: Rules parameter is provided
    # engineers: Given rules parameter is provided
    Given the rule parameter "customDomainName" is set
    # engineers: And custom Domain Name of REST API GW matches the specified custom domain name in CustomDomainName
    And a custom domain name in "items[]" returned by "apigateway.get_domain_names"
    And its "items[].domainName" equals "customDomainName"
    Then the rule returns COMPLIANT

  Scenario: Rules parameter is provided (Scenario 3)
    # engineers: Given rules parameter is provided
    Given the rule parameter "customDomainName" is set
    # engineers: And custom Domain Name of REST API GW does not match the specified custom domain name in CustomDomainName
    And a custom domain name in "items[]" returned by "apigateway.get_domain_names"
    And its "items[].domainName" is not "customDomainName"
    Then the rule returns NON_COMPLIANT

  Scenario: REST API GW is active and REST API GW does not have a custom domain name
    # engineers: Given REST API GW is active
    Given a REST API in "items[]" returned by "apigateway.get_rest_apis"
    # engineers: And REST API GW does not have a custom domain name
    And "apigateway.get_domain_names" returns an empty "items[]" list
    # added, not an engineers' line: where the parameter is not set the ERROR scenario decides first (precedence); this says so explicitly and decides no state differently
    And the rule parameter "customDomainName" is set
    Then the rule returns NON_COMPLIANT
