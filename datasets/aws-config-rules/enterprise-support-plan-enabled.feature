@control:none @severity:medium @resource:AWS::::Account @category:monitoring
Feature: ENTERPRISE_SUPPORT_PLAN_ENABLED
  Description: Check whether the Enterprise Support Plan is enabled for an AWS Account.
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: None

  Background:
    Given the rule's code calls "support.describe_severity_levels"

  Scenario: AWS Support API call errors out with SubscriptionRequired exception while using the DescribeSeverityLevels API call
    # engineers: Given AWS Support API call errors out with SubscriptionRequired exception while using the DescribeSeverityLevels API call
    Given "support.describe_severity_levels" fails with the error code SubscriptionRequiredException
    Then the rule returns NON_COMPLIANT
    And the annotation is "The AWS Enterprise Support Plan is not enabled for this AWS Account."

  Scenario: The AWS Account does not have access to critical case severity level as returned by the AWS Support API
    # engineers: Given the AWS Account does not have access to "critical" case severity level as returned by the AWS Support API DescribeSeverityLevels
    Given no "severityLevels[].code" is critical
    Then the rule returns NON_COMPLIANT
    And the annotation is "The AWS Enterprise Support Plan is not enabled for this AWS Account."

  Scenario: The AWS Account has access to critical case severity level as returned by the AWS Support API DescribeSeverityLevels
    # engineers: Given the AWS Account has access to "critical" case severity level as returned by the AWS Support API DescribeSeverityLevels
    Given some "severityLevels[].code" is critical
    Then the rule returns COMPLIANT
