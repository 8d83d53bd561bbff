@control:none @severity:medium @resource:AWS::::Account @category:monitoring
Feature: GUARDDUTY_UNTREATED_FINDINGS
  Description: Checks whether the GuardDuty has untreated findings. The rule is NON_COMPLIANT if the GuardDuty has untreated finding older than X days.
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: daysLowSev (int, optional, default 30): The number of days the GuardDurty Low severity findings are allowed to stay untreated (default: 30 days); daysMediumSev (int, optional, default 7): The number of days the GuardDurty Medium severity findings are allowed to stay untreated (default: 7 days); daysHighSev (int, optional, default 1): The number of days the GuardDurty High severity findings are allowed to stay untreated (default: 1 day)

  Background:
    Given the rule's code calls "guardduty.list_detectors"
    And the rule's code calls "guardduty.get_detector"
    And the rule's code calls "guardduty.list_findings"
    And the rule's code calls "guardduty.get_findings"

  Scenario: GuardDuty is Disabled or Suspended
    Given guardDuty is Disabled or Suspended.
    Then the rule returns NOT_APPLICABLE

  Scenario: No untreated GuardDuty findings are present
    Given no untreated GuardDuty findings are present.
    Then the rule returns COMPLIANT

  Scenario: GuardDuty has untreated Low/Medium/High Severity findings
    Given guardDuty has untreated Low/Medium/High Severity findings.
    And low/Medium/High Severity findings are older than daysLowSev/daysMediumSev/daysHighSev number of days respectively.
    Then the rule returns NON_COMPLIANT

  Scenario: GuardDuty has untreated Low/Medium/High Severity findings (Scenario 5)
    Given guardDuty has untreated Low/Medium/High Severity findings.
    And low/Medium/High Severity findings are not older than daysLowSev/daysMediumSev/daysHighSev number of days respectively.
    Then the rule returns COMPLIANT
