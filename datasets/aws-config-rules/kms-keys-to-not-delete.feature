@control:none @severity:medium @resource:AWS::KMS::Key @category:encryption-at-rest
Feature: KMS_KEYS_TO_NOT_DELETE
  Description: Check that Customer Managed keys are not scheduled for deletion. The rule is NON_COMPLAINT if the Customer Managed Keys are scheduled for deletion. This rule does not include AWS-managed and Imported Keys.
  Trigger: Periodic
  Reports on: AWS::KMS::Key
  Rule Parameters: kmsKeyIds (string, optional, default none): Comma-separated list of specific Customer Managed Key Ids, that are expected not to be scheduled for deletion.

  Background:
    Given the rule's code calls "kms.describe_key"
    And the rule's code calls "kms.list_keys"

  Scenario: Rule parameter kmsKeyIds are configured and not valid
    # engineers: Given rule parameter kmsKeyIds are configured and not valid
    Given the rule parameter "kmsKeyIds" is invalid
    Then the rule returns ERROR

  Scenario: No CMKs present
    # engineers: Given no CMKs present
    Given "kms.list_keys" returns an empty "Keys[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: At least 1 CMK is present and rule parameter kmsKeyIds are not configured and the KMS Key is not scheduled for deletion
    # engineers: Given at least 1 CMK is present
    Given a key in "Keys[]" listed by "kms.list_keys"
    And "kms.describe_key" for that key returns "KeyMetadata.Origin" AWS_KMS
    And "kms.describe_key" for that key returns "KeyMetadata.KeyManager" CUSTOMER
    # engineers: And rule parameter kmsKeyIds are not configured
    And the rule parameter "kmsKeyIds" is not set
    # engineers: And the KMS Key is not scheduled for deletion
    And "kms.describe_key" for that key returns "KeyMetadata.KeyState" is not PendingDeletion
    Then the rule returns COMPLIANT

  Scenario: At least 1 CMK is present and the KMS Key in the account is scheduled for deletion
    # engineers: Given at least 1 CMK is present
    Given a key in "Keys[]" listed by "kms.list_keys"
    And "kms.describe_key" for that key returns "KeyMetadata.Origin" AWS_KMS
    And "kms.describe_key" for that key returns "KeyMetadata.KeyManager" CUSTOMER
    # engineers: And rule parameter kmsKeyIds are not configured
    And the rule parameter "kmsKeyIds" is not set
    # engineers: And the KMS Key in the account is scheduled for deletion
    And "kms.describe_key" for that key returns "KeyMetadata.KeyState" PendingDeletion
    Then the rule returns NON_COMPLIANT

  Scenario: At least 1 CMK is present and the KMS key in the parameter is not an existing kms key
    # engineers: Given at least 1 CMK is present
    Given a key in "Keys[]" listed by "kms.list_keys"
    And "kms.describe_key" for that key returns "KeyMetadata.Origin" AWS_KMS
    And "kms.describe_key" for that key returns "KeyMetadata.KeyManager" CUSTOMER
    # engineers: And rule parameter kmsKeyIds are configured and valid
    And the rule parameter "kmsKeyIds" is set
    # engineers: And the KMS key in the parameter is not an existing kms key
    And some value of "kmsKeyIds" is not in "Keys[].KeyId"
    Then the rule returns NOT_APPLICABLE

  Scenario: At least 1 CMK is present and the CMK is not scheduled for deletion
    # engineers: Given at least 1 CMK is present
    Given a key in "Keys[]" listed by "kms.list_keys"
    And "kms.describe_key" for that key returns "KeyMetadata.Origin" AWS_KMS
    And "kms.describe_key" for that key returns "KeyMetadata.KeyManager" CUSTOMER
    # engineers: And rule parameter kmsKeyIds are configured and valid
    And the rule parameter "kmsKeyIds" is set
    # engineers: And the CMK is one of the keys in the parameter
    And its "Keys[].KeyId" is in "kmsKeyIds"
    # added, not an engineers' line: where a key of the parameter does not exist the NOT_APPLICABLE scenario decides first (precedence); this says so explicitly and decides no state differently
    And every value of "kmsKeyIds" is in "Keys[].KeyId"
    # engineers: And the CMK is not scheduled for deletion
    And "kms.describe_key" for that key returns "KeyMetadata.KeyState" is not PendingDeletion
    Then the rule returns COMPLIANT

  Scenario: At least 1 CMK is present and the CMK is scheduled for deletion
    # engineers: Given at least 1 CMK is present
    Given a key in "Keys[]" listed by "kms.list_keys"
    And "kms.describe_key" for that key returns "KeyMetadata.Origin" AWS_KMS
    And "kms.describe_key" for that key returns "KeyMetadata.KeyManager" CUSTOMER
    # engineers: And rule parameter kmsKeyIds are configured and valid
    And the rule parameter "kmsKeyIds" is set
    # engineers: And the CMK is one of the keys in the parameter
    And its "Keys[].KeyId" is in "kmsKeyIds"
    # added, not an engineers' line: where a key of the parameter does not exist the NOT_APPLICABLE scenario decides first (precedence); this says so explicitly and decides no state differently
    And every value of "kmsKeyIds" is in "Keys[].KeyId"
    # engineers: And the CMK is scheduled for deletion
    And "kms.describe_key" for that key returns "KeyMetadata.KeyState" PendingDeletion
    Then the rule returns NON_COMPLIANT
