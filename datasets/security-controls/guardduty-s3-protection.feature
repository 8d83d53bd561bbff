@control:none @severity:high @resource:AWS::GuardDuty::Detector @category:monitoring
Feature: GUARDDUTY_S3_PROTECTION_ENABLED
  Description: Where GuardDuty runs, its S3 Protection feature must be enabled, so CloudTrail data events for S3 objects are analysed for suspicious access and exfiltration. Regions without a GuardDuty detector are left to the control that requires GuardDuty itself.
  Trigger: Periodic
  Reports on: AWS::GuardDuty::Detector
  Rule Parameters: None

  Scenario: GuardDuty has no detector in the Region
    Given "guardduty.list_detectors", paged with "NextToken" until it is not set, returns an empty "DetectorIds[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: S3 Protection is disabled
    Given a detector from "DetectorIds[]" of "guardduty.list_detectors"
    And "guardduty.get_detector" returns a "Features[]"
    And one of its "Features[].Name" values is S3_DATA_EVENTS
    And the "Features[].Status" of the entry whose "Features[].Name" is S3_DATA_EVENTS is DISABLED
    Then the rule returns NON_COMPLIANT
    And the annotation is "GuardDuty S3 Protection is not enabled"

  Scenario: The feature is missing from the detector
    Given "guardduty.get_detector" returns "Status" "ENABLED" and no "Features[].Name" "S3_DATA_EVENTS"
    And its "DataSources.S3Logs.Status" is "DISABLED" or not set
    Then the rule returns NON_COMPLIANT

  Scenario: S3 Protection is enabled
    Given "guardduty.get_detector" returns "Status" "ENABLED"
    And the "Features[].Status" of the entry whose "Features[].Name" is S3_DATA_EVENTS is ENABLED
    Then the rule returns COMPLIANT
