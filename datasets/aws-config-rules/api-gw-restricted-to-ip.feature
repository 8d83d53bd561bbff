@control:none @severity:medium @resource:AWS::ApiGateway::RestApi @category:access-control
Feature: API_GW_RESTRICTED_TO_IP
  Description: Verify that non-private API GW have a resource based policy which limit their usage based on IP source (configurable)
  Trigger: Periodic
  Reports on: AWS::ApiGateway::RestApi
  Rule Parameters: whitelistedIPs (string, required, default none): IP addresses whitelisted to invoke the rest API, separated by comma (,).

  Background:
    Given the rule's code calls "apigateway.get_rest_apis"

  Scenario: WhitelistedIPs parameter is not defined
    # engineers: Given whitelistedIPs parameter is not defined
    Given the rule parameter "whitelistedIPs" is not set
    Then the rule returns ERROR

  Scenario: WhitelistedIPs parameter has an incorrect value (empty, non-CIDR, list of non-CIDR)
    # engineers: Given whitelistedIPs parameter has an incorrect value (empty, non-CIDR, list of non-CIDR)
    Given the rule parameter "whitelistedIPs" is not a valid list of IP addresses or CIDR ranges
    Then the rule returns ERROR

  Scenario: API is in private mode
    # engineers: Given API is in private mode
    Given an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].endpointConfiguration.types[]" holds only PRIVATE
    And the rule parameter "whitelistedIPs" is set
    Then the rule returns NOT_APPLICABLE

  Scenario: WhitelistedIPs parameter is defined and valid and APIs do not have resource policy attached
    # engineers: Given whitelistedIPs parameter is defined and valid
    Given the rule parameter "whitelistedIPs" is set
    # engineers: And APIs do not have resource policy attached
    And an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].policy" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: WhitelistedIPs parameter is defined and valid and the Resource policy does not contain any 'Allow' statement
    # engineers: Given whitelistedIPs parameter is defined and valid
    Given the rule parameter "whitelistedIPs" is set
    # engineers: And APIs have resource policy attached
    And an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].policy" is set
    # engineers: And the Resource policy does not contain any 'Allow' statement
    And its "items[].policy" document has no statement with Effect Allow
    Then the rule returns COMPLIANT

  Scenario: WhitelistedIPs parameter is defined and valid and the Resource policy does not contain Options of Policy
    # engineers: Given whitelistedIPs parameter is defined and valid
    Given the rule parameter "whitelistedIPs" is set
    # engineers: And APIs have resource policy attached
    And an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].policy" is set
    # engineers: And the Resource policy does not contain {Options of Policy}
    And its "items[].policy" document has a statement with Effect Allow
    And its "items[].policy" document has no statement with Effect Allow and ConditionKey aws:SourceIp
    Then the rule returns NON_COMPLIANT

  Scenario: WhitelistedIPs parameter is defined and valid and those IPs are not a subset of the WhitelistedIPs
    # engineers: Given whitelistedIPs parameter is defined and valid
    Given the rule parameter "whitelistedIPs" is set
    # engineers: And APIs have resource policy attached
    And an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].policy" is set
    # engineers: And the Resource policy contains a 'Condition' about 'IpAddress' about 'aws:SourceIp'
    And its "items[].policy" document has a statement with Effect Allow and ConditionKey aws:SourceIp
    # engineers: And those IPs are not a subset of the WhitelistedIPs (the rule's code tests each network for being inside a whitelisted network; the grammar reads the values as listed)
    And the "items[].policy" document's "Statement[].Condition.IpAddress.aws:SourceIp" is not in "whitelistedIPs"
    Then the rule returns NON_COMPLIANT

  Scenario: WhitelistedIPs parameter is defined and valid and those IPs are a subset of the WhitelistedIPs
    # engineers: Given whitelistedIPs parameter is defined and valid
    Given the rule parameter "whitelistedIPs" is set
    # engineers: And APIs have resource policy attached
    And an API in "items[]" returned by "apigateway.get_rest_apis"
    And its "items[].policy" is set
    # engineers: And the Resource policy contains a 'Condition' about 'IpAddress' about 'aws:SourceIp'
    And its "items[].policy" document has a statement with Effect Allow and ConditionKey aws:SourceIp
    # engineers: And those IPs are a subset of the WhitelistedIPs (the rule's code tests each network for being inside a whitelisted network; the grammar reads the values as listed)
    And the "items[].policy" document's "Statement[].Condition.IpAddress.aws:SourceIp" is in "whitelistedIPs"
    Then the rule returns COMPLIANT
