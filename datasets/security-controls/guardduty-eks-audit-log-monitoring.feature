@control:none @severity:high @resource:AWS::GuardDuty::Detector @category:monitoring
Feature: GUARDDUTY_EKS_PROTECTION_AUDIT_ENABLED
  Description: Where GuardDuty runs, its EKS Audit Log Monitoring feature must be enabled, so Kubernetes audit logs of EKS clusters are analysed for threats. Regions without a GuardDuty detector are left to the control that requires GuardDuty itself.
  Trigger: Periodic
  Reports on: AWS::GuardDuty::Detector
  Rule Parameters: None

  Scenario: GuardDuty has no detector in the Region
    Given "guardduty.list_detectors", paged with "NextToken" until it is not set, returns an empty "DetectorIds[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: EKS audit log monitoring is disabled
    Given a detector from "DetectorIds[]" of "guardduty.list_detectors"
    And "guardduty.get_detector" returns a "Features[]"
    And one of its "Features[].Name" values is EKS_AUDIT_LOGS
    And the "Features[].Status" of the entry whose "Features[].Name" is EKS_AUDIT_LOGS is DISABLED
    Then the rule returns NON_COMPLIANT
    And the annotation is "EKS Audit Log Monitoring is not enabled"

  Scenario: The detector itself is suspended
    Given "guardduty.get_detector" returns "Status" "DISABLED"
    And the "Features[].Status" of the entry whose "Features[].Name" is EKS_AUDIT_LOGS is ENABLED
    Then the rule returns NON_COMPLIANT

  Scenario: EKS audit log monitoring is enabled
    Given "guardduty.get_detector" returns "Status" "ENABLED"
    And the "Features[].Status" of the entry whose "Features[].Name" is EKS_AUDIT_LOGS is ENABLED
    Then the rule returns COMPLIANT

  Scenario: An older detector reports the feature only as a data source
    Given "guardduty.get_detector" returns "Status" "ENABLED" and no "Features[].Name" "EKS_AUDIT_LOGS"
    And its "DataSources.Kubernetes.AuditLogs.Status" is "ENABLED"
    Then the rule returns COMPLIANT
