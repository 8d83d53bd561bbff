@control:none @severity:medium @resource:AWS::::Account @category:access-control
Feature: ROOT_NO_ACCESS_KEY
  Description: Ensure no root user access key exists
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: None

  Background:
    Given the rule's code calls "iam.get_account_summary"

  Scenario: Access key for root user present and access key is active
    # engineers: Given access key for root user present
    Given the "SummaryMap{}" value of AccountAccessKeysPresent is 1 or more
    # engineers: And access key is active (the rule's code reads no key status: "iam.get_account_summary" counts the root user's keys whatever their status, and any key makes the rule NON_COMPLIANT; the count above is the whole condition)
    Then the rule returns NON_COMPLIANT

  Scenario: Access key for root user present and access key is inactive
    # engineers: Given access key for root user present
    Given the "SummaryMap{}" value of AccountAccessKeysPresent is 1 or more
    # engineers: And access key is inactive (as above: the rule's code reads no key status, so this scenario decides exactly as the one above; `dataset validate` says so as a warning)
    Then the rule returns NON_COMPLIANT

  Scenario: Access Key for root user is not present
    # engineers: Given access Key for root user is not present
    Given the "SummaryMap{}" value of AccountAccessKeysPresent is 0
    Then the rule returns COMPLIANT
