@control:none @severity:medium @resource:AWS::EKS::Cluster @category:encryption-at-rest
Feature: EKS_SECRETS_ENCRYPTED
  Description: Amazon EKS clusters must envelope-encrypt Kubernetes secrets with an AWS KMS key, optionally one of an approved list of keys.
  Trigger: Periodic
  Reports on: AWS::EKS::Cluster
  Rule Parameters: kmsKeyArns (CSV, optional, default none): comma-separated ARNs of the KMS keys allowed to encrypt Kubernetes secrets

  Scenario: No clusters exist
    Given "eks.list_clusters", paged with "nextToken" until it is not set, returns an empty "clusters[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: Secrets encryption is not configured
    Given a cluster named in "clusters[]" by "eks.list_clusters"
    And "eks.describe_cluster" returns no "cluster.encryptionConfig[]" entry whose "cluster.encryptionConfig[].resources[]" contains secrets
    Then the rule returns NON_COMPLIANT
    And the annotation is "Kubernetes secrets are not encrypted with a KMS key"

  Scenario: Secrets are encrypted with a key that is not approved
    Given "kmsKeyArns" is arn:aws:kms:us-east-1:111122223333:key/approved-key-id
    And "eks.describe_cluster" returns a "cluster.encryptionConfig[].resources[]" containing secrets
    And that entry's "cluster.encryptionConfig[].provider.keyArn" is a different key ARN
    Then the rule returns NON_COMPLIANT

  Scenario: Secrets are encrypted with an approved key
    Given "kmsKeyArns" is arn:aws:kms:us-east-1:111122223333:key/approved-key-id
    And "eks.describe_cluster" returns a "cluster.encryptionConfig[].resources[]" containing secrets
    And that entry's "cluster.encryptionConfig[].provider.keyArn" is in "kmsKeyArns"
    Then the rule returns COMPLIANT

  Scenario: Secrets are encrypted and no key list is given
    Given "kmsKeyArns" is not set
    And "eks.describe_cluster" returns a "cluster.encryptionConfig[].resources[]" containing secrets with a "cluster.encryptionConfig[].provider.keyArn"
    Then the rule returns COMPLIANT

  Scenario: An invalid rule parameter
    Given "kmsKeyArns" contains a value that is not a KMS key ARN
    Then the rule returns ERROR
