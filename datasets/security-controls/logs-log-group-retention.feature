@control:CloudWatch.16 @severity:medium @resource:AWS::Logs::LogGroup @category:logging
Feature: CW_LOGGROUP_RETENTION_PERIOD_CHECK
  Description: CloudWatch Logs log groups must keep their log events for at least 365 days (or never expire), so evidence is still available for a year-long investigation.
  Trigger: Periodic
  Reports on: AWS::Logs::LogGroup
  Rule Parameters: None

  Scenario: No log groups exist
    Given "logs.describe_log_groups", paged with "nextToken" until it is not set, returns an empty "logGroups[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: Retention is shorter than a year
    Given a log group returned by "logs.describe_log_groups"
    And its "logGroups[].retentionInDays" is 90
    Then the rule returns NON_COMPLIANT
    And the annotation is "Retention is 90 days, less than 365"

  Scenario: Retention is exactly one year
    Given a log group returned by "logs.describe_log_groups"
    And its "logGroups[].retentionInDays" is 365
    Then the rule returns COMPLIANT

  Scenario: Events never expire
    Given a log group returned by "logs.describe_log_groups"
    And its "logGroups[].retentionInDays" is not set
    Then the rule returns COMPLIANT
