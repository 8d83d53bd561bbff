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
    And "opensearch.describe_domain" for that domain returns a "DomainStatus.LogPublishingOptions{}"
    And the "DomainStatus.LogPublishingOptions{}" value of AUDIT_LOGS is not set
    Then the rule returns NON_COMPLIANT
    And the annotation is "Audit logs are not published to CloudWatch Logs"

  Scenario: Audit log publishing is switched off
    Given "opensearch.describe_domain" returns a "DomainStatus.LogPublishingOptions{}"
    And the "DomainStatus.LogPublishingOptions{}.Enabled" value of AUDIT_LOGS is false
    Then the rule returns NON_COMPLIANT

  Scenario: Audit logs go to a log group that is not on the approved list
    Given the rule parameter "cloudWatchLogsLogGroupArnList" lists arn:aws:logs:us-east-1:111122223333:log-group:approved-audit
    And "opensearch.describe_domain" returns a "DomainStatus.LogPublishingOptions{}"
    And the "DomainStatus.LogPublishingOptions{}.Enabled" value of AUDIT_LOGS is true
    And the "DomainStatus.LogPublishingOptions{}.CloudWatchLogsLogGroupArn" value of AUDIT_LOGS is arn:aws:logs:us-east-1:111122223333:log-group:other
    Then the rule returns NON_COMPLIANT

  Scenario: Audit logs are published
    Given "cloudWatchLogsLogGroupArnList" is not set
    And "opensearch.describe_domain" returns a "DomainStatus.LogPublishingOptions{}"
    And the "DomainStatus.LogPublishingOptions{}.Enabled" value of AUDIT_LOGS is true
    And the "DomainStatus.LogPublishingOptions{}.CloudWatchLogsLogGroupArn" value of AUDIT_LOGS is set
    Then the rule returns COMPLIANT

  Scenario: An invalid rule parameter
    Given the rule parameter "cloudWatchLogsLogGroupArnList" is not a valid list of CloudWatch Logs log group ARNs
    Then the rule returns ERROR
