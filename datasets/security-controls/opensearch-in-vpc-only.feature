@control:Opensearch.2 @severity:critical @resource:AWS::OpenSearch::Domain @category:network-exposure
Feature: OPENSEARCH_IN_VPC_ONLY
  Description: OpenSearch Service domains must be placed in a VPC, so their endpoints are not public and access can be restricted with subnets and security groups.
  Trigger: Configuration changes
  Reports on: AWS::OpenSearch::Domain
  Rule Parameters: None

  Scenario: No domains exist
    Given "opensearch.list_domain_names" returns an empty "DomainNames[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: The domain has a public endpoint
    Given a domain named in "DomainNames[].DomainName" by "opensearch.list_domain_names"
    And "opensearch.describe_domain" returns no "DomainStatus.VPCOptions.VPCId"
    And its "DomainStatus.Endpoint" starts with search-
    Then the rule returns NON_COMPLIANT
    And the annotation is "Domain is not in a VPC"

  Scenario: VPC options are present but empty
    Given "opensearch.describe_domain" returns a "DomainStatus.VPCOptions"
    And its "DomainStatus.VPCOptions.SubnetIds[]" is empty
    And its "DomainStatus.VPCOptions.VPCId" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: The domain is in a VPC
    Given "opensearch.describe_domain" returns a "DomainStatus.VPCOptions.VPCId"
    And the number of "DomainStatus.VPCOptions.SubnetIds[]" is 1 or more
    And the "DomainStatus.Endpoints{}" value of vpc is set
    Then the rule returns COMPLIANT
