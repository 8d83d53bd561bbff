@control:KMS.3 @severity:critical @resource:AWS::KMS::Key @category:resilience
Feature: KMS_CMK_NOT_SCHEDULED_FOR_DELETION
  Description: Customer managed KMS keys must not be scheduled for deletion, because data encrypted under a deleted key can never be decrypted again.
  Trigger: Periodic
  Reports on: AWS::KMS::Key
  Rule Parameters: None

  Scenario: The account has no KMS keys
    Given "kms.list_keys" returns an empty "Keys[]" list and "Truncated" false
    Then the rule returns NOT_APPLICABLE

  Scenario: An AWS managed key is not evaluated
    Given a key in "Keys[].KeyId" returned by "kms.list_keys"
    And "kms.describe_key" for that key returns "KeyMetadata.KeyManager" as "AWS"
    Then the rule returns NOT_APPLICABLE

  Scenario: A customer managed key is pending deletion
    Given a key in "Keys[].KeyId" returned by "kms.list_keys"
    And "kms.describe_key" for that key returns "KeyMetadata.KeyManager" as "CUSTOMER"
    And its "KeyMetadata.KeyState" is "PendingDeletion"
    And its "KeyMetadata.DeletionDate" is set
    Then the rule returns NON_COMPLIANT

  Scenario: A multi-Region primary key waits for its replicas to be deleted
    Given a key described by "kms.describe_key" whose "KeyMetadata.KeyManager" is "CUSTOMER"
    And its "KeyMetadata.KeyState" is "PendingReplicaDeletion"
    Then the rule returns NON_COMPLIANT

  Scenario: A customer managed key is enabled
    Given a key described by "kms.describe_key" whose "KeyMetadata.KeyManager" is "CUSTOMER"
    And its "KeyMetadata.KeyState" is "Enabled"
    Then the rule returns COMPLIANT

  Scenario: A disabled key is not scheduled for deletion
    Given a key described by "kms.describe_key" whose "KeyMetadata.KeyManager" is "CUSTOMER"
    And its "KeyMetadata.KeyState" is "Disabled"
    Then the rule returns COMPLIANT

  Scenario: Keys on later pages are evaluated
    Given "kms.list_keys" returns "Truncated" true and a "NextMarker"
    And a key on the next page is described by "kms.describe_key" with "KeyMetadata.KeyState" as "PendingDeletion"
    Then the rule returns NON_COMPLIANT
