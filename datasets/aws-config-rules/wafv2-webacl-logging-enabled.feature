@control:none @severity:high @resource:AWS::WAFv2::WebACL @category:logging
Feature: WAFV2_WEBACL_LOGGING_ENABLED
  Description: Check whether WAFV2 WEBACL has logging enabled.
  Trigger: Periodic
  Reports on: AWS::WAFv2::WebACL
  Rule Parameters: None

  Background:
    Given the rule's code calls "wafv2.list_web_acls"
    And the rule's code calls "wafv2.get_logging_configuration"

  Scenario: Rules parameter is provided and it contains a parameter key other than Scope
    Given rules parameter is provided
    And it contains a parameter key other than Scope
    Then the rule returns ERROR

  Scenario: Rules parameter is provided and there is no value specified for Scope
    Given rules parameter is provided
    And there is no value specified for Scope
    Then the rule returns ERROR

  Scenario: Rules parameter is provided and CLOUDFRONT or REGIONAL or CLOUDFRONT, REGIONAL values are provided
    Given rules parameter is provided and CLOUDFRONT or REGIONAL or CLOUDFRONT, REGIONAL values are provided
    And checks WAFV2 in the specified scope and whether it is logging.
    Then the rule returns COMPLIANT
    And the annotation is "if WAFV2 has logging enabled. Otherwise, return NON_COMPLIANT"
