@control:ES.2 @severity:critical @resource:AWS::Elasticsearch::Domain @category:network-exposure
Feature: ELASTICSEARCH_IN_VPC_ONLY
  Description: Check whether the ElasticSearch Domains are in VPC and not as a public endpoint.
  Trigger: Periodic
  Reports on: AWS::Elasticsearch::Domain
  Rule Parameters: None

  Background:
    Given the rule's code calls "es.describe_elasticsearch_domains"
    And the rule's code calls "es.list_domain_names"

  Scenario: No ElasticSearch Domain is present
    # engineers: Given no ElasticSearch Domain is present
    Given "es.list_domain_names" returns an empty "DomainNames[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: At least one ElasticSearch Domain is present
    # engineers: Given at least one ElasticSearch Domain is present
    Given a domain in "DomainStatusList[]" described by "es.describe_elasticsearch_domains"
    # engineers: And no 'VPCOptions' key is present in the list of "DomainName" on DescribeElasticsearchDomains API
    And its "DomainStatusList[].VPCOptions" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: At least one ElasticSearch Domain is present (Scenario 3)
    # engineers: Given at least one ElasticSearch Domain is present
    Given a domain in "DomainStatusList[]" described by "es.describe_elasticsearch_domains"
    # engineers: And the 'VPCOptions' key is present in the list of "DomainName" on DescribeElasticsearchDomains API
    And its "DomainStatusList[].VPCOptions" is set
    Then the rule returns COMPLIANT
