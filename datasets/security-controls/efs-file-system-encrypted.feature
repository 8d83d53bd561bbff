@control:EFS.1 @severity:medium @resource:AWS::EFS::FileSystem @category:encryption-at-rest
Feature: EFS_ENCRYPTED_CHECK
  Description: Amazon EFS file systems must encrypt file data at rest with an AWS KMS key; encryption can only be chosen when the file system is created.
  Trigger: Periodic
  Reports on: AWS::EFS::FileSystem
  Rule Parameters: None

  Scenario: No file systems exist
    Given "efs.describe_file_systems" returns an empty "FileSystems[]" list and no "NextMarker"
    Then the rule returns NOT_APPLICABLE

  Scenario: The file system is not encrypted
    Given a file system in "FileSystems[]" returned by "efs.describe_file_systems"
    And its "FileSystems[].Encrypted" is false
    Then the rule returns NON_COMPLIANT

  Scenario: The file system is encrypted with a KMS key
    Given a file system in "FileSystems[]" returned by "efs.describe_file_systems"
    And its "FileSystems[].Encrypted" is true
    And its "FileSystems[].KmsKeyId" starts with arn:aws:kms:
    Then the rule returns COMPLIANT

  Scenario: A file system that is being deleted is not evaluated
    Given a file system in "FileSystems[]" returned by "efs.describe_file_systems"
    And its "FileSystems[].LifeCycleState" is "deleting"
    Then the rule returns NOT_APPLICABLE

  Scenario: File systems on later pages are evaluated
    Given "efs.describe_file_systems" returns a "NextMarker"
    And the next page holds a file system whose "FileSystems[].Encrypted" is false
    Then the rule returns NON_COMPLIANT
