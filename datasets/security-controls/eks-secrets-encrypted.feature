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
    And "eks.describe_cluster" for it returns no "cluster.encryptionConfig[].resources[]" secrets
    Then the rule returns NON_COMPLIANT
    And the annotation is "Kubernetes secrets are not encrypted with a KMS key"

  Scenario: Secrets are encrypted with a key that is not approved
    Given "kmsKeyArns" is arn:aws:kms:us-east-1:111122223333:key/approved-key-id
    And a cluster described by "eks.describe_cluster" whose "cluster.encryptionConfig[].resources[]" contains secrets
    And that entry's "cluster.encryptionConfig[].provider.keyArn" is not in "kmsKeyArns"
    Then the rule returns NON_COMPLIANT

  Scenario: Secrets are encrypted with an approved key
    Given "kmsKeyArns" is arn:aws:kms:us-east-1:111122223333:key/approved-key-id
    And a cluster described by "eks.describe_cluster" whose "cluster.encryptionConfig[].resources[]" contains secrets
    And that entry's "cluster.encryptionConfig[].provider.keyArn" is in "kmsKeyArns"
    Then the rule returns COMPLIANT

  Scenario: Secrets are encrypted and no key list is given
    Given "kmsKeyArns" is not set
    And a cluster described by "eks.describe_cluster" whose "cluster.encryptionConfig[].resources[]" contains secrets
    And that entry's "cluster.encryptionConfig[].provider.keyArn" is set
    Then the rule returns COMPLIANT

  Scenario: An invalid rule parameter
    Given the rule parameter "kmsKeyArns" is not a valid list of KMS key ARNs
    Then the rule returns ERROR
