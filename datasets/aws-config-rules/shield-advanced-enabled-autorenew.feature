@control:none @severity:medium @resource:AWS::::Account @category:monitoring
Feature: SHIELD_ADVANCED_ENABLED_AUTORENEW
  Description: Check whether AWS Shield Advanced is enabled and is set to autorenew. As the API Endpoint of this service is only available in us-east-1, this rule should only be scheduled to run in us-east-1 region.
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: None

  Background:
    Given the rule's code calls "shield.describe_subscription"

  Scenario: AWS Shield Advanced is not enabled
    # engineers: Given AWS Shield Advanced is not enabled
    Given "shield.describe_subscription" fails with the error code ResourceNotFoundException
    Then the rule returns NON_COMPLIANT
    And the annotation is "AWS Shield Advanced is not enabled."

  Scenario: AWS Shield Advanced is enabled and autorenew is DISABLED
    # engineers: Given AWS Shield Advanced is enabled
    Given a subscription described by "shield.describe_subscription"
    # engineers: And autorenew is DISABLED
    And its "Subscription.AutoRenew" is DISABLED
    Then the rule returns NON_COMPLIANT
    And the annotation is "AWS Shield Advanced subscription is not set to Autorenew."

  Scenario: AWS Shield Advanced is enabled and autorenew is ENABLED
    # engineers: Given AWS Shield Advanced is enabled
    Given a subscription described by "shield.describe_subscription"
    # engineers: And autorenew is ENABLED
    And its "Subscription.AutoRenew" is ENABLED
    Then the rule returns COMPLIANT
