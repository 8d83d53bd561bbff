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
    Given no Amazon Elasticsearch Service (Amazon ES) domains are present.
    Then the rule returns NOT_APPLICABLE

  Scenario: At least one Elasticsearch Service Domain is present and enabled field is true in EncryptionAtRestOptions
    Given at least one Elasticsearch Service Domain is present
    And enabled field is true in EncryptionAtRestOptions
    Then the rule returns COMPLIANT

  Scenario: At least one Elasticsearch Service Domain is present and enabled field is false in EncryptionAtRestOptions
    Given at least one Elasticsearch Service Domain is present
    And enabled field is false in EncryptionAtRestOptions
    Then the rule returns NON_COMPLIANT
