@control:none @severity:medium @resource:AWS::::Account @category:logging
Feature: CLOUDTRAIL_S3_DATAEVENTS_ENABLED
  Description: Checks that at least one AWS CloudTrail trail logs data events for the Amazon S3 service buckets. The rule returns NON_COMPLIANT if none of the trails log data events for Amazon S3 service buckets. The rule checks for trails in their HomeRegion only. The rule does not support S3 prefixes.
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: s3BucketName (string, optional, default none): Comma-separated list of S3 bucket names for which data events logging should be enabled. Default behavior checks for all the buckets.

  Background:
    Given the rule's code calls "cloudtrail.describe_trails"
    And the rule's code calls "cloudtrail.get_event_selectors"

  Scenario: Rule parameter value is invalid
    # engineers: Given rule parameter value is invalid
    Given the rule parameter "s3BucketName" is not a valid list of S3 bucket names
    Then the rule returns ERROR

  Scenario: No AWS CloudTrail trail exists
    # engineers: Given no AWS CloudTrail trail exists
    Given "cloudtrail.describe_trails" returns an empty "trailList[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: At least one AWS CloudTrail trail exists and none of the trails 'HasCustomEventSelectors' set as 'True'
    # engineers: Given at least one AWS CloudTrail trail exists
    Given the number of "trailList[]" is 1 or more
    # engineers: And none of the trails 'HasCustomEventSelectors' set as 'True'
    And every "trailList[].HasCustomEventSelectors" is false
    Then the rule returns NON_COMPLIANT

  Scenario: At least one AWS CloudTrail trail exists and no event selector is 'AWS::S3::Object' type
    # engineers: Given at least one AWS CloudTrail trail exists
    Given the number of "trailList[]" is 1 or more
    # engineers: And at least one of the trails 'HasCustomEventSelectors' set as 'True'
    And some "trailList[].HasCustomEventSelectors" is true
    # engineers: And no event selector is 'AWS::S3::Object' type.
    And no "EventSelectors[].DataResources[].Type" is AWS::S3::Object
    Then the rule returns NON_COMPLIANT

  Scenario: Rule parameter is provided and valid
    # engineers: Given rule parameter is provided and valid
    Given the rule parameter "s3BucketName" is not empty
    # engineers: And at least one AWS CloudTrail trail exists
    And the number of "trailList[]" is 1 or more
    # engineers: And at least one of the trails 'HasCustomEventSelectors' set as 'True'
    And some "trailList[].HasCustomEventSelectors" is true
    # engineers: And at least one event selector is 'AWS::S3::Object' type.
    And some "EventSelectors[].DataResources[].Type" is AWS::S3::Object
    # engineers: And at least one S3 bucket specified in rule parameter 'S3BucketNames' does not have event logging enabled.
    And some value of "s3BucketName" is not in "EventSelectors[].DataResources[].Values[]"
    Then the rule returns NON_COMPLIANT

  Scenario: Rule parameter is provided and valid (Scenario 6)
    # engineers: Given rule parameter is provided and valid
    Given the rule parameter "s3BucketName" is not empty
    # engineers: And at least one AWS CloudTrail trail exists
    And the number of "trailList[]" is 1 or more
    # engineers: And at least one of the trails 'HasCustomEventSelectors' set as 'True'
    And some "trailList[].HasCustomEventSelectors" is true
    # engineers: And at least one event selector is 'AWS::S3::Object' type.
    And some "EventSelectors[].DataResources[].Type" is AWS::S3::Object
    # engineers: And all S3 buckets specified in rule parameter 'S3BucketNames' have event logging enabled.
    And every value of "s3BucketName" is in "EventSelectors[].DataResources[].Values[]"
    Then the rule returns COMPLIANT

  Scenario: Rule parameter value is empty and event logging is enabled on the resource 'arn:aws:s3:::'
    # engineers: Given rule parameter value is empty
    Given the rule parameter "s3BucketName" is empty or not set
    # engineers: And at least one AWS CloudTrail trail exists
    And the number of "trailList[]" is 1 or more
    # engineers: And at least one of the trails 'HasCustomEventSelectors' set as 'True'
    And some "trailList[].HasCustomEventSelectors" is true
    # engineers: And at least one event selector is 'AWS::S3::Object' type.
    And some "EventSelectors[].DataResources[].Type" is AWS::S3::Object
    # engineers: And event logging is enabled on the resource 'arn:aws:s3:::'
    And some "EventSelectors[].DataResources[].Values[]" is arn:aws:s3
    Then the rule returns COMPLIANT
