@control:Opensearch.1 @severity:medium @resource:AWS::OpenSearch::Domain @category:encryption-at-rest
Feature: OPENSEARCH_ENCRYPTED_AT_REST
  Description: OpenSearch Service domains must encrypt data at rest (indices, logs, swap and automated snapshots) with an AWS KMS key.
  Trigger: Configuration changes
  Reports on: AWS::OpenSearch::Domain
  Rule Parameters: None

  Scenario: No domains exist
    Given "opensearch.list_domain_names" returns an empty "DomainNames[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: A domain that is being deleted is not evaluated
    Given a domain named in "DomainNames[].DomainName" by "opensearch.list_domain_names"
    And "opensearch.describe_domain" returns "DomainStatus.Deleted" true
    Then the rule returns NOT_APPLICABLE

  Scenario: Encryption at rest is disabled
    Given a domain named in "DomainNames[].DomainName" by "opensearch.list_domain_names"
    And "opensearch.describe_domain" returns "DomainStatus.EncryptionAtRestOptions.Enabled" false
    Then the rule returns NON_COMPLIANT
    And the annotation is "Encryption at rest is not enabled"

  Scenario: Encryption at rest options are absent
    Given "opensearch.describe_domain" for a domain returns no "DomainStatus.EncryptionAtRestOptions"
    Then the rule returns NON_COMPLIANT

  Scenario: Encryption at rest is enabled with a KMS key
    Given "opensearch.describe_domain" returns "DomainStatus.EncryptionAtRestOptions.Enabled" true
    And its "DomainStatus.EncryptionAtRestOptions.KmsKeyId" is set
    Then the rule returns COMPLIANT
