@control:CloudTrail.5 @severity:low @resource:AWS::CloudTrail::Trail @category:monitoring
Feature: CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED
  Description: CloudTrail trails must also deliver their events to a CloudWatch Logs log group, and delivery must have happened within the last day, so that alarms and metric filters can act on API activity.
  Trigger: Periodic
  Reports on: AWS::CloudTrail::Trail
  Rule Parameters: None

  Scenario: No trails exist
    Given "cloudtrail.describe_trails" returns an empty "trailList[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: The trail has no CloudWatch Logs log group
    Given a trail in "trailList[]" returned by "cloudtrail.describe_trails"
    And its "trailList[].CloudWatchLogsLogGroupArn" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: A log group is configured but nothing was delivered in the last 24 hours
    Given a trail in "trailList[]" returned by "cloudtrail.describe_trails" whose "trailList[].CloudWatchLogsLogGroupArn" is set
    And "cloudtrail.get_trail_status" for that trail returns a "LatestCloudWatchLogsDeliveryTime"
    And its "LatestCloudWatchLogsDeliveryTime" is more than 0 days old
    Then the rule returns NON_COMPLIANT

  Scenario: Events reached CloudWatch Logs within the last 24 hours
    Given a trail in "trailList[]" returned by "cloudtrail.describe_trails" whose "trailList[].CloudWatchLogsLogGroupArn" is set
    And its "trailList[].CloudWatchLogsRoleArn" is set
    And "cloudtrail.get_trail_status" for that trail returns a "LatestCloudWatchLogsDeliveryTime"
    And its "LatestCloudWatchLogsDeliveryTime" is 0 days old or less
    Then the rule returns COMPLIANT

  Scenario: Delivery to CloudWatch Logs is failing
    Given a trail in "trailList[]" returned by "cloudtrail.describe_trails" whose "trailList[].CloudWatchLogsLogGroupArn" is set
    And "cloudtrail.get_trail_status" for that trail returns a "LatestCloudWatchLogsDeliveryError"
    And either its "LatestCloudWatchLogsDeliveryTime" is not set or its "LatestCloudWatchLogsDeliveryTime" is more than 0 days old
    Then the rule returns NON_COMPLIANT
