@control:CloudTrail.4 @severity:low @resource:AWS::CloudTrail::Trail @category:logging
Feature: CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED
  Description: CloudTrail trails must produce signed digest files so that any change to or deletion of a delivered log file can be detected.
  Trigger: Periodic
  Reports on: AWS::CloudTrail::Trail
  Rule Parameters: None

  Scenario: No trails exist
    Given "cloudtrail.describe_trails" returns an empty "trailList[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: Log file validation is disabled
    Given a trail in "trailList[]" returned by "cloudtrail.describe_trails"
    And its "trailList[].LogFileValidationEnabled" is false
    Then the rule returns NON_COMPLIANT

  Scenario: Log file validation is enabled
    Given a trail in "trailList[]" returned by "cloudtrail.describe_trails"
    And its "trailList[].LogFileValidationEnabled" is true
    Then the rule returns COMPLIANT

  Scenario: A shadow copy of a multi-Region trail is evaluated only in its home Region
    Given a trail in "trailList[]" returned by "cloudtrail.describe_trails"
    And its "trailList[].IsMultiRegionTrail" is true
    And its "trailList[].HomeRegion" is not the evaluated Region
    Then the rule returns NOT_APPLICABLE
