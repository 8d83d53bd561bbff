@control:EFS.1 @severity:medium @resource:AWS::EFS::FileSystem @category:encryption-at-rest
Feature: EFS_ENCRYPTED_CHECK
  Description: Check whether Amazon EFS Filesytems are configured to encrypt the file data using AWS Key Management Service (AWS KMS).
  Trigger: Periodic
  Reports on: AWS::EFS::FileSystem
  Rule Parameters: kmsKeyId (string, optional, default none): ARN of the KMS key that is used to encrypt the EFS filesystem

  Background:
    Given the rule's code calls "efs.describe_file_systems"

  Scenario: No EFS filesystem is present
    # engineers: Given no EFS filesystem is present
    Given "efs.describe_file_systems" returns an empty "FileSystems[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: At least one EFS filesystem is present and its "FileSystems[].Encrypted" is false
    # engineers: Given at least one EFS filesystem is present
    Given a file system in "FileSystems[]" returned by "efs.describe_file_systems"
    # engineers: And the "Encrypted" key is set to False on DescribeFileSystems
    And its "FileSystems[].Encrypted" is false
    Then the rule returns NON_COMPLIANT

  Scenario: At least one EFS filesystem is present and kmsKeyId parameter is not configured
    # engineers: Given at least one EFS filesystem is present
    Given a file system in "FileSystems[]" returned by "efs.describe_file_systems"
    # engineers: And the "Encrypted" key is set to True on DescribeFileSystems
    And its "FileSystems[].Encrypted" is true
    # engineers: And kmsKeyId parameter is not configured
    And the rule parameter "kmsKeyId" is not set
    Then the rule returns COMPLIANT

  Scenario: At least one EFS filesystem is present and kmsKeyId key on DescribeFileSystems is not matching KmsKeyId parameter
    # engineers: Given at least one EFS filesystem is present
    Given a file system in "FileSystems[]" returned by "efs.describe_file_systems"
    # engineers: And the "Encrypted" key is set to True on DescribeFileSystems
    And its "FileSystems[].Encrypted" is true
    # engineers: And kmsKeyId parameter is configured
    And the rule parameter "kmsKeyId" is set
    # engineers: And kmsKeyId key on DescribeFileSystems is not matching KmsKeyId parameter.
    And its "FileSystems[].KmsKeyId" is not in "kmsKeyId"
    Then the rule returns NON_COMPLIANT

  Scenario: At least one EFS filesystem is present and its "FileSystems[].KmsKeyId" equals "kmsKeyId"
    # engineers: Given at least one EFS filesystem is present
    Given a file system in "FileSystems[]" returned by "efs.describe_file_systems"
    # engineers: And the "Encrypted" key is set to True on DescribeFileSystems
    And its "FileSystems[].Encrypted" is true
    # engineers: And kmsKeyId parameter is configured
    And the rule parameter "kmsKeyId" is set
    # engineers: And kmsKeyId key on DescribeFileSystems is matching KmsKeyId parameter
    And its "FileSystems[].KmsKeyId" equals "kmsKeyId"
    Then the rule returns COMPLIANT
