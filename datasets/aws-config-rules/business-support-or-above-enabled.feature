@control:none @severity:medium @resource:AWS::::Account @category:monitoring
Feature: BUSINESS_SUPPORT_OR_ABOVE_ENABLED
  Description: Check whether the AWS Account is subscribed to the AWS Business Support Plan or above (i.e. Enterprise).
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: None

  Background:
    Given the rule's code calls "support.describe_cases"

  Scenario: AWS Account has ability to use Support API's DescribeCases call with results returned without ClientError Exception
    # engineers: Given AWS Account has ability to use Support API's DescribeCases call with results returned without ClientError Exception
    Given "support.describe_cases" returns a "cases"
    Then the rule returns COMPLIANT

  Scenario: AWS Support API call errors out with SubscriptionRequired exception while using the DescribeCases API call. This error
    # engineers: Given AWS Support API call errors out with SubscriptionRequired exception while using the DescribeCases API call. This error means Business Plan is not currently used for the account
    Given "support.describe_cases" fails with the error code SubscriptionRequiredException
    Then the rule returns NON_COMPLIANT
