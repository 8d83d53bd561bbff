@control:ES.1 @severity:medium @resource:AWS::Elasticsearch::Domain @category:encryption-at-rest
Feature: ELASTICSEARCH_ENCRYPTED_AT_REST
  Description: Checks whether Amazon Elasticsearch Service (Amazon ES) domains have encryption at rest configuration enabled. The resource is NON_COMPLIANT if encryption at rest is not enabled.
  Trigger: Periodic
  Reports on: AWS::Elasticsearch::Domain
  Rule Parameters: None

  Background:
    Given the rule's code calls "es.describe_elasticsearch_domains"
    And the rule's code calls "es.list_domain_names"

  Scenario: No Amazon Elasticsearch Service (Amazon ES) domains are present
    # engineers: Given no Amazon Elasticsearch Service (Amazon ES) domains are present.
    Given "es.list_domain_names" returns an empty "DomainNames[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: At least one Elasticsearch Service Domain is present and enabled field is true in EncryptionAtRestOptions
    # engineers: Given at least one Elasticsearch Service Domain is present
    Given a domain in "DomainStatusList[]" described by "es.describe_elasticsearch_domains"
    # engineers: And enabled field is true in EncryptionAtRestOptions
    And its "DomainStatusList[].EncryptionAtRestOptions.Enabled" is true
    Then the rule returns COMPLIANT

  Scenario: At least one Elasticsearch Service Domain is present and enabled field is false in EncryptionAtRestOptions
    # engineers: Given at least one Elasticsearch Service Domain is present
    Given a domain in "DomainStatusList[]" described by "es.describe_elasticsearch_domains"
    # engineers: And enabled field is false in EncryptionAtRestOptions
    And its "DomainStatusList[].EncryptionAtRestOptions.Enabled" is false
    Then the rule returns NON_COMPLIANT
