@control:Opensearch.5 @severity:medium @resource:AWS::OpenSearch::Domain @category:logging
Feature: OPENSEARCH_AUDIT_LOGGING_ENABLED
  Description: OpenSearch Service domains must publish audit logs to CloudWatch Logs, optionally only to an approved set of log groups, so access to indices and the security plugin is recorded.
  Trigger: Configuration changes
  Reports on: AWS::OpenSearch::Domain
  Rule Parameters: cloudWatchLogsLogGroupArnList (StringList, optional, default none): comma-separated ARNs of the CloudWatch Logs log groups audit logs may be published to

  Scenario: No domains exist
    Given "opensearch.list_domain_names" returns an empty "DomainNames[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: Audit logs are not published
    Given a domain named in "DomainNames[].DomainName" by "opensearch.list_domain_names"
    And "opensearch.describe_domain" returns "DomainStatus.LogPublishingOptions{}" without the key AUDIT_LOGS
    Then the rule returns NON_COMPLIANT
    And the annotation is "Audit logs are not published to CloudWatch Logs"

  Scenario: Audit log publishing is switched off
    Given "opensearch.describe_domain" returns the AUDIT_LOGS entry of "DomainStatus.LogPublishingOptions{}" with "DomainStatus.LogPublishingOptions{}.Enabled" false
    Then the rule returns NON_COMPLIANT

  Scenario: Audit logs go to a log group that is not on the approved list
    Given "cloudWatchLogsLogGroupArnList" lists arn:aws:logs:us-east-1:111122223333:log-group:approved-audit
    And "opensearch.describe_domain" returns the AUDIT_LOGS entry with "DomainStatus.LogPublishingOptions{}.Enabled" true
    And its "DomainStatus.LogPublishingOptions{}.CloudWatchLogsLogGroupArn" is arn:aws:logs:us-east-1:111122223333:log-group:other
    Then the rule returns NON_COMPLIANT

  Scenario: Audit logs are published
    Given "cloudWatchLogsLogGroupArnList" is not set
    And "opensearch.describe_domain" returns the AUDIT_LOGS entry with "DomainStatus.LogPublishingOptions{}.Enabled" true and a "DomainStatus.LogPublishingOptions{}.CloudWatchLogsLogGroupArn"
    Then the rule returns COMPLIANT

  Scenario: An invalid rule parameter
    Given "cloudWatchLogsLogGroupArnList" contains a value that is not a CloudWatch Logs log group ARN
    Then the rule returns ERROR
