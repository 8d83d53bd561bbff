@control:none @severity:medium @resource:AWS::ApiGateway::RestApi @category:access-control
Feature: API_GW_RESTRICTED_TO_IP
  Description: Verify that non-private API GW have a resource based policy which limit their usage based on IP source (configurable)
  Trigger: Periodic
  Reports on: AWS::ApiGateway::RestApi
  Rule Parameters: None

  Background:
    Given the rule's code calls "apigateway.get_rest_apis"

  Scenario: WhitelistedIPs parameter is not defined
    Given whitelistedIPs parameter is not defined
    Then the rule returns ERROR

  Scenario: WhitelistedIPs parameter has an incorrect value (empty, non-CIDR, list of non-CIDR)
    Given whitelistedIPs parameter has an incorrect value (empty, non-CIDR, list of non-CIDR)
    Then the rule returns ERROR

  Scenario: API is in private mode
    Given API is in private mode
    Then the rule returns NOT_APPLICABLE

  Scenario: WhitelistedIPs parameter is defined and valid and APIs do not have resource policy attached
    Given whitelistedIPs parameter is defined and valid
    And APIs do not have resource policy attached
    Then the rule returns NON_COMPLIANT

  Scenario: WhitelistedIPs parameter is defined and valid and the Resource policy does not contain any 'Allow' statement
    Given whitelistedIPs parameter is defined and valid
    And APIs have resource policy attached
    And the Resource policy does not contain any 'Allow' statement
    Then the rule returns COMPLIANT

  Scenario: WhitelistedIPs parameter is defined and valid and the Resource policy does not contain Options of Policy
    Given whitelistedIPs parameter is defined and valid
    And APIs have resource policy attached
    # engineers: And the Resource policy does not contain {Options of Policy}
    And the Resource policy does not contain Options of Policy
    Then the rule returns NON_COMPLIANT

  Scenario: WhitelistedIPs parameter is defined and valid and those IPs are not a subset of the WhitelistedIPs
    Given whitelistedIPs parameter is defined and valid
    And APIs have resource policy attached
    And the Resource policy contains a 'Condition' about 'IpAddress' about 'aws:SourceIp'
    And those IPs are not a subset of the WhitelistedIPs
    Then the rule returns NON_COMPLIANT

  Scenario: WhitelistedIPs parameter is defined and valid and those IPs are a subset of the WhitelistedIPs
    Given whitelistedIPs parameter is defined and valid
    And APIs have resource policy attached
    And the Resource policy contains a 'Condition' about 'IpAddress' about 'aws:SourceIp'
    And those IPs are a subset of the WhitelistedIPs
    Then the rule returns COMPLIANT
