@control:Opensearch.7 @severity:high @resource:AWS::OpenSearch::Domain @category:access-control
Feature: OPENSEARCH_ACCESS_CONTROL_ENABLED
  Description: OpenSearch Service domains must have fine-grained access control turned on, so index-, document- and field-level permissions are enforced by the security plugin rather than only by the domain access policy.
  Trigger: Configuration changes
  Reports on: AWS::OpenSearch::Domain
  Rule Parameters: None

  Scenario: No domains exist
    Given "opensearch.list_domain_names" returns an empty "DomainNames[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: Fine-grained access control is off
    Given a domain named in "DomainNames[].DomainName" by "opensearch.list_domain_names"
    And "opensearch.describe_domain" returns "DomainStatus.AdvancedSecurityOptions.Enabled" false
    Then the rule returns NON_COMPLIANT
    And the annotation is "Fine-grained access control is not enabled"

  Scenario: Advanced security options are absent
    Given "opensearch.describe_domain" for a domain returns no "DomainStatus.AdvancedSecurityOptions"
    Then the rule returns NON_COMPLIANT

  Scenario: Fine-grained access control is on
    Given "opensearch.describe_domain" returns "DomainStatus.AdvancedSecurityOptions.Enabled" true
    Then the rule returns COMPLIANT

  Scenario: Fine-grained access control is on but anonymous access is still allowed during migration
    Given "opensearch.describe_domain" returns "DomainStatus.AdvancedSecurityOptions.Enabled" true
    And "DomainStatus.AdvancedSecurityOptions.AnonymousAuthEnabled" is true
    Then the rule returns COMPLIANT
