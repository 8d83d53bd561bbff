@control:none @severity:medium @resource:AWS::::Account @category:monitoring
Feature: SHIELD_DRT_ACCESS
  Description: Verify that DRT can access the AWS account. As the API Endpoint of this service is only available in us-east-1, this rule should only be scheduled to run in us-east-1 region.
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: None

  Background:
    Given the rule's code calls "shield.describe_drt_access"

  Scenario: AWS Shield Advanced is not enabled
    # engineers: Given AWS Shield Advanced is not enabled
    Given "shield.describe_drt_access" fails with the error code ResourceNotFoundException
    Then the rule returns NOT_APPLICABLE

  Scenario: AWS Shield Advanced is enabled and role for DRT access is not configured
    # engineers: Given AWS Shield Advanced is enabled
    Given an SRT access configuration described by "shield.describe_drt_access"
    # engineers: And role for DRT access is not configured
    And its "RoleArn" is not set
    Then the rule returns NON_COMPLIANT
    And the annotation is "DRT team does not have access to account."

  Scenario: AWS Shield Advanced is enabled and role for DRT access is configured
    # engineers: Given AWS Shield Advanced is enabled
    Given an SRT access configuration described by "shield.describe_drt_access"
    # engineers: And role for DRT access is configured
    And its "RoleArn" is set
    Then the rule returns COMPLIANT
