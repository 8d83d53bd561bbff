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
    # engineers: Given guardDuty is Disabled or Suspended.
    Given "guardduty.get_detector" returns "Status" DISABLED
    Then the rule returns NOT_APPLICABLE

  Scenario: No untreated GuardDuty findings are present
    # engineers: Given no untreated GuardDuty findings are present.
    Given "guardduty.get_detector" returns "Status" ENABLED
    And "guardduty.list_findings" returns an empty "FindingIds[]" list
    Then the rule returns COMPLIANT

  Scenario: GuardDuty has untreated Low/Medium/High Severity findings
    # engineers: Given guardDuty has untreated Low/Medium/High Severity findings.
    Given "guardduty.get_detector" returns "Status" ENABLED
    And a finding in "Findings[]" returned by "guardduty.get_findings"
    # engineers: And low/Medium/High Severity findings are older than daysLowSev/daysMediumSev/daysHighSev number of days respectively (the rule's code compares each finding's age with the days of its severity band: Low 0.1–3.9, Medium 4.0–6.9, High 7.0–8.9, each the parameter's days or, when it is not set, its default 30, 7 and 1; a finding in no band is not evaluated)
    And either its "Findings[].Severity" is between 0.1 and 3.9 or its "Findings[].Severity" is between 4.0 and 6.9 or its "Findings[].Severity" is between 7.0 and 8.9
    And either the rule parameter "daysLowSev" is not set or its "Findings[].CreatedAt" is more than "daysLowSev" days old or its "Findings[].Severity" is less than 0.1 or its "Findings[].Severity" is more than 3.9
    And either the rule parameter "daysMediumSev" is not set or its "Findings[].CreatedAt" is more than "daysMediumSev" days old or its "Findings[].Severity" is less than 4.0 or its "Findings[].Severity" is more than 6.9
    And either the rule parameter "daysHighSev" is not set or its "Findings[].CreatedAt" is more than "daysHighSev" days old or its "Findings[].Severity" is less than 7.0 or its "Findings[].Severity" is more than 8.9
    And either its "Findings[].CreatedAt" is more than 1 days old or the rule parameter "daysHighSev" is set or its "Findings[].Severity" is less than 7.0 or its "Findings[].Severity" is more than 8.9
    And either its "Findings[].CreatedAt" is more than 7 days old or the rule parameter "daysMediumSev" is set or its "Findings[].Severity" is less than 4.0 or its "Findings[].Severity" is more than 6.9
    And either its "Findings[].CreatedAt" is more than 30 days old or the rule parameter "daysLowSev" is set or its "Findings[].Severity" is less than 0.1 or its "Findings[].Severity" is more than 3.9
    Then the rule returns NON_COMPLIANT

  Scenario: GuardDuty has untreated Low/Medium/High Severity findings (Scenario 5)
    # engineers: Given guardDuty has untreated Low/Medium/High Severity findings.
    Given "guardduty.get_detector" returns "Status" ENABLED
    And a finding in "Findings[]" returned by "guardduty.get_findings"
    # engineers: And low/Medium/High Severity findings are not older than daysLowSev/daysMediumSev/daysHighSev number of days respectively (the rule's code compares each finding's age with the days of its severity band: Low 0.1–3.9, Medium 4.0–6.9, High 7.0–8.9, each the parameter's days or, when it is not set, its default 30, 7 and 1; a finding in no band is not evaluated)
    And either its "Findings[].Severity" is between 0.1 and 3.9 or its "Findings[].Severity" is between 4.0 and 6.9 or its "Findings[].Severity" is between 7.0 and 8.9
    And either the rule parameter "daysLowSev" is not set or its "Findings[].CreatedAt" is "daysLowSev" days old or less or its "Findings[].Severity" is less than 0.1 or its "Findings[].Severity" is more than 3.9
    And either the rule parameter "daysMediumSev" is not set or its "Findings[].CreatedAt" is "daysMediumSev" days old or less or its "Findings[].Severity" is less than 4.0 or its "Findings[].Severity" is more than 6.9
    And either the rule parameter "daysHighSev" is not set or its "Findings[].CreatedAt" is "daysHighSev" days old or less or its "Findings[].Severity" is less than 7.0 or its "Findings[].Severity" is more than 8.9
    And either its "Findings[].CreatedAt" is 30 days old or less or the rule parameter "daysLowSev" is set or its "Findings[].Severity" is less than 0.1 or its "Findings[].Severity" is more than 3.9
    And either its "Findings[].CreatedAt" is 7 days old or less or the rule parameter "daysMediumSev" is set or its "Findings[].Severity" is less than 4.0 or its "Findings[].Severity" is more than 6.9
    And either its "Findings[].CreatedAt" is 1 days old or less or the rule parameter "daysHighSev" is set or its "Findings[].Severity" is less than 7.0 or its "Findings[].Severity" is more than 8.9
    Then the rule returns COMPLIANT
