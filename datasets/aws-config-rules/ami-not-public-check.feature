@control:none @severity:medium @resource:AWS::::Account @category:network-exposure
Feature: AMI_NOT_PUBLIC_CHECK
  Description: Check whether the Amazon Machine Images are not publicly accessible. The rule is NON_COMPLIANT if one or more Amazon Machine Images are publicly accessible.
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: None

  Background:
    Given the rule's code calls "ec2.describe_images"

  Scenario: No AMIs with "is-public" parameter set to True
    # engineers: Given no AMIs with "is-public" parameter set to True
    Given every "Images[].Public" is false
    Then the rule returns COMPLIANT

  Scenario: One or more AMIs with is-public parameter set to True
    # engineers: Given one or more AMIs with is-public parameter set to True
    Given some "Images[].Public" is true
    Then the rule returns NON_COMPLIANT
    And the annotation is "containing AMI IDs"
