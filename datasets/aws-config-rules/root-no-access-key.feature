@control:none @severity:medium @resource:AWS::::Account @category:access-control
Feature: ROOT_NO_ACCESS_KEY
  Description: Ensure no root user access key exists
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: None

  Background:
    Given the rule's code calls "iam.get_account_summary"

  Scenario: Access key for root user present and access key is active
    Given access key for root user present
    And access key is active
    Then the rule returns NON_COMPLIANT

  Scenario: Access key for root user present and access key is inactive
    Given access key for root user present
    And access key is inactive
    Then the rule returns NON_COMPLIANT

  Scenario: Access Key for root user is not present
    Given access Key for root user is not present
    Then the rule returns COMPLIANT
