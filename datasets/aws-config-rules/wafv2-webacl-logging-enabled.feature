@control:none @severity:high @resource:AWS::WAFv2::WebACL @category:logging
Feature: WAFV2_WEBACL_LOGGING_ENABLED
  Description: Check whether WAFV2 WEBACL has logging enabled.
  Trigger: Periodic
  Reports on: AWS::WAFv2::WebACL
  Rule Parameters: scope (string, required, default none): Default will check for both CLOUDFRONT and REGIONAL WAFV2. REGIONAL here refers to us-east-1 ONLY. Other regions are NOT supported as of this writing.

  Background:
    Given the rule's code calls "wafv2.list_web_acls"
    And the rule's code calls "wafv2.get_logging_configuration"

  Scenario: Rules parameter is provided and it contains a parameter key other than Scope
    # engineers: Given rules parameter is provided | And it contains a parameter key other than Scope
    Given the rule parameter "scope" is not set
    Then the rule returns ERROR

  Scenario: Rules parameter is provided and there is no value specified for Scope
    # engineers: Given rules parameter is provided
    Given the rule parameter "scope" is set
    # engineers: And there is no value specified for Scope
    And the rule parameter "scope" is ""
    Then the rule returns ERROR

  Scenario: Rules parameter is provided and CLOUDFRONT or REGIONAL or CLOUDFRONT, REGIONAL values are provided
    # engineers: Given rules parameter is provided and CLOUDFRONT or REGIONAL or CLOUDFRONT, REGIONAL values are provided
    Given the rule parameter "scope" is one of CLOUDFRONT and REGIONAL
    # engineers: And checks WAFV2 in the specified scope and whether it is logging.
    And a web ACL in "WebACLs[]" listed by "wafv2.list_web_acls"
    And "wafv2.get_logging_configuration" for that web ACL returns a "LoggingConfiguration"
    Then the rule returns COMPLIANT
    And the annotation is "if WAFV2 has logging enabled. Otherwise, return NON_COMPLIANT"
