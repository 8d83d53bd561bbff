@control:none @severity:medium @resource:AWS::::Account @category:monitoring
Feature: SECURITYHUB_ENABLED
  Description: Checks that AWS Security Hub is enabled for an AWS Account. The rule is NON_COMPLIANT if AWS Security Hub is not enabled.
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: None

  Background:
    Given the rule's code calls "securityhub.describe_hub"

  Scenario: SecurityHub is enabled for an AWS Account
    # engineers: Given securityHub is enabled for an AWS Account.
    Given a hub described by "securityhub.describe_hub"
    Then the rule returns COMPLIANT

  Scenario: SecurityHub is not enabled for an AWS Account
    # engineers: Given securityHub is not enabled for an AWS Account.
    Given "securityhub.describe_hub" fails with the error code InvalidAccessException
    Then the rule returns NON_COMPLIANT
