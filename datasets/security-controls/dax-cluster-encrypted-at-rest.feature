@control:DynamoDB.3 @severity:medium @resource:AWS::DAX::Cluster @category:encryption-at-rest
Feature: DAX_ENCRYPTION_ENABLED
  Description: DynamoDB Accelerator (DAX) clusters must encrypt the data they cache and persist at rest.
  Trigger: Periodic
  Reports on: AWS::DAX::Cluster
  Rule Parameters: None

  Scenario: No DAX clusters exist
    Given "dax.describe_clusters" returns an empty "Clusters[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: Encryption at rest is disabled
    Given a cluster in "Clusters[]" returned by "dax.describe_clusters"
    And its "Clusters[].SSEDescription.Status" is "DISABLED"
    Then the rule returns NON_COMPLIANT

  Scenario: The cluster reports no encryption description
    Given a cluster in "Clusters[]" returned by "dax.describe_clusters"
    And its "Clusters[].SSEDescription" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: Encryption at rest is enabled
    Given a cluster in "Clusters[]" returned by "dax.describe_clusters"
    And its "Clusters[].SSEDescription.Status" is "ENABLED"
    Then the rule returns COMPLIANT
