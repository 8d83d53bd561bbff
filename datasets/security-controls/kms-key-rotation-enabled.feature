@control:KMS.4 @severity:medium @resource:AWS::KMS::Key @category:encryption-at-rest
Feature: CMK_BACKING_KEY_ROTATION_ENABLED
  Description: Automatic rotation of key material must be enabled for every enabled customer managed symmetric encryption KMS key whose material KMS generated.
  Trigger: Periodic
  Reports on: AWS::KMS::Key
  Rule Parameters: None

  Scenario: The account has no KMS keys
    Given "kms.list_keys" returns an empty "Keys[]" list and "Truncated" false
    Then the rule returns NOT_APPLICABLE

  Scenario: Asymmetric and HMAC keys cannot rotate automatically
    Given a key described by "kms.describe_key" whose "KeyMetadata.KeyManager" is "CUSTOMER"
    And its "KeyMetadata.KeySpec" is "RSA_2048" or "HMAC_256"
    Then the rule returns NOT_APPLICABLE

  Scenario: Keys with imported material cannot rotate automatically
    Given a key described by "kms.describe_key" whose "KeyMetadata.KeyManager" is "CUSTOMER"
    And its "KeyMetadata.Origin" is "EXTERNAL"
    Then the rule returns NOT_APPLICABLE

  Scenario: Keys in a custom key store cannot rotate automatically
    Given a key described by "kms.describe_key" whose "KeyMetadata.KeyManager" is "CUSTOMER"
    And its "KeyMetadata.CustomKeyStoreId" is set
    Then the rule returns NOT_APPLICABLE

  Scenario: The key cannot be described
    Given a key in "Keys[].KeyId" returned by "kms.list_keys"
    And "kms.describe_key" for that key fails with the error code AccessDeniedException
    Then the rule returns NON_COMPLIANT

  Scenario: Rotation is off for a symmetric customer managed key
    Given a key described by "kms.describe_key" whose "KeyMetadata.KeyManager" is "CUSTOMER"
    And its "KeyMetadata.KeySpec" is "SYMMETRIC_DEFAULT"
    And its "KeyMetadata.Origin" is "AWS_KMS"
    And its "KeyMetadata.KeyState" is "Enabled"
    And "kms.get_key_rotation_status" for that key returns "KeyRotationEnabled" false
    Then the rule returns NON_COMPLIANT

  Scenario: Rotation is on for a symmetric customer managed key
    Given a key described by "kms.describe_key" whose "KeyMetadata.KeyManager" is "CUSTOMER"
    And its "KeyMetadata.KeySpec" is "SYMMETRIC_DEFAULT"
    And its "KeyMetadata.KeyState" is "Enabled"
    And "kms.get_key_rotation_status" for that key returns "KeyRotationEnabled" true
    Then the rule returns COMPLIANT

