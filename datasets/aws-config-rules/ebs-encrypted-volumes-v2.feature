@control:none @severity:medium @resource:AWS::EC2::Volume @category:encryption-at-rest
Feature: EBS_ENCRYPTED_VOLUMES_V2
  Description: Check that all EBS volumes are encrypted.
  Trigger: Configuration changes
  Reports on: AWS::EC2::Volume
  Rule Parameters: kmsIdList (string, optional, default none): List of ID of the KMS keys that is used to encrypt the volume, separated by comma (,).; volumeExceptionList (string, optional, default none): List the EBS volumeId exempted of encryption, separated by comma (,).; subnetExceptionList (string, optional, default none): List the subnets exempted of encryption, separated by comma (,).

  Background:
    Given the rule's code calls "ec2.describe_instances"

  Scenario: The KmsIdList parameter is not alphanumerical lower case and dashes
    # engineers: Given the KmsIdList parameter is not alphanumerical lower case and dashes.
    Given the rule parameter "kmsIdList" is not a valid list of lower-case alphanumerical KMS key ids with dashes
    Then the rule returns ERROR

  Scenario: The VolumeExceptionList parameter is not starting with "vol-" and followed by alphanumerical lower case
    # engineers: Given the VolumeExceptionList parameter is not starting with "vol-" and followed by alphanumerical lower case
    Given the rule parameter "volumeExceptionList" is not a valid list of lower-case volume ids starting with vol-
    Then the rule returns ERROR

  Scenario: The SubnetExceptionList parameter is not starting with "subnet-" and followed by alphanumerical lower case
    # engineers: Given the SubnetExceptionList parameter is not starting with "subnet-" and followed by alphanumerical lower case
    Given the rule parameter "subnetExceptionList" is not a valid list of lower-case subnet ids starting with subnet-
    Then the rule returns ERROR

  Scenario: The Volume ID is in the VolumeExceptionList
    # engineers: Given the Volume ID is in the VolumeExceptionList. (the rule reads it from the configuration item)
    Given the configuration item's "Volumes[].VolumeId" is in "volumeExceptionList"
    Then the rule returns COMPLIANT
    And the annotation is "This volume is part of the exception list."

  Scenario: The Volume ID is not in the VolumeExceptionList and the Volume is not encrypted
    # engineers: Given the Volume ID is not in the VolumeExceptionList. (the rule reads it from the configuration item)
    Given the configuration item's "Volumes[].VolumeId" is not in "volumeExceptionList"
    # engineers: And the Volume is not attached to an EC2 instance. (the rule reads it from the configuration item)
    And the configuration item's "Volumes[].Attachments" is empty or not set
    # engineers: And the Volume is not encrypted. (the rule reads it from the configuration item)
    And the configuration item's "Volumes[].Encrypted" is false
    Then the rule returns NON_COMPLIANT

  Scenario: The Volume ID is not in the VolumeExceptionList and the KmsIdList parameter is not configured
    # engineers: Given the Volume ID is not in the VolumeExceptionList. (the rule reads it from the configuration item)
    Given the configuration item's "Volumes[].VolumeId" is not in "volumeExceptionList"
    # engineers: And the Volume is not attached to an EC2 instance. (the rule reads it from the configuration item)
    And the configuration item's "Volumes[].Attachments" is empty or not set
    # engineers: And the Volume is encrypted. (the rule reads it from the configuration item)
    And the configuration item's "Volumes[].Encrypted" is true
    # engineers: And the KmsIdList parameter is not configured.
    And the rule parameter "kmsIdList" is not set
    Then the rule returns COMPLIANT

  Scenario: The Volume ID is not in the VolumeExceptionList and the Kms key ID encryting the volume is not in KmsIdList
    # engineers: Given the Volume ID is not in the VolumeExceptionList. (the rule reads it from the configuration item)
    Given the configuration item's "Volumes[].VolumeId" is not in "volumeExceptionList"
    # engineers: And the Volume is not attached to an EC2 instance. (the rule reads it from the configuration item)
    And the configuration item's "Volumes[].Attachments" is empty or not set
    # engineers: And the Volume is encrypted. (the rule reads it from the configuration item)
    And the configuration item's "Volumes[].Encrypted" is true
    # engineers: And the KmsIdList parameter is configured and valid.
    And the rule parameter "kmsIdList" is set
    # engineers: And the Kms key ID encryting the volume is not in KmsIdList. (the rule reads configuration.kmsKeyId from the configuration item and compares the key id after its "/")
    And the configuration item's "Volumes[].KmsKeyId" is not in "kmsIdList"
    Then the rule returns NON_COMPLIANT

  Scenario: The Volume ID is not in the VolumeExceptionList and the Kms key ID encryting the volume is in KmsIdList
    # engineers: Given the Volume ID is not in the VolumeExceptionList. (the rule reads it from the configuration item)
    Given the configuration item's "Volumes[].VolumeId" is not in "volumeExceptionList"
    # engineers: And the Volume is not attached to an EC2 instance. (the rule reads it from the configuration item)
    And the configuration item's "Volumes[].Attachments" is empty or not set
    # engineers: And the Volume is encrypted. (the rule reads it from the configuration item)
    And the configuration item's "Volumes[].Encrypted" is true
    # engineers: And the KmsIdList parameter is configured and valid.
    And the rule parameter "kmsIdList" is set
    # engineers: And the Kms key ID encryting the volume is in KmsIdList. (the rule reads configuration.kmsKeyId from the configuration item and compares the key id after its "/")
    And the configuration item's "Volumes[].KmsKeyId" is in "kmsIdList"
    Then the rule returns COMPLIANT

  Scenario: The Volume ID is not in the VolumeExceptionList and the EC2 instance's subnet is in SubnetExceptionList
    # engineers: Given the Volume ID is not in the VolumeExceptionList. (the rule reads it from the configuration item)
    Given the configuration item's "Volumes[].VolumeId" is not in "volumeExceptionList"
    # engineers: And the Volume is attached to an EC2 instance.
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    # engineers: And the EC2 instance's subnet is in SubnetExceptionList.
    And its "Reservations[].Instances[].SubnetId" is in "subnetExceptionList"
    Then the rule returns COMPLIANT
    And the annotation is "Subnet is part of exception list."

  Scenario: The Volume ID is not in the VolumeExceptionList
    # engineers: Given the Volume ID is not in the VolumeExceptionList. (the rule reads it from the configuration item)
    Given the configuration item's "Volumes[].VolumeId" is not in "volumeExceptionList"
    # engineers: And the Volume is attached to an EC2 instance.
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    # engineers: And the EC2 instance's subnet is not in SubnetExceptionList.
    And its "Reservations[].Instances[].SubnetId" is not in "subnetExceptionList"
    # engineers: And the Volume is not encrypted. (the rule reads it from the configuration item)
    And the configuration item's "Volumes[].Encrypted" is false
    Then the rule returns NON_COMPLIANT

  Scenario: The Volume ID is not in the VolumeExceptionList and the KmsIdList parameter is not configured (Scenario 11)
    # engineers: Given the Volume ID is not in the VolumeExceptionList. (the rule reads it from the configuration item)
    Given the configuration item's "Volumes[].VolumeId" is not in "volumeExceptionList"
    # engineers: And the Volume is attached to an EC2 instance.
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    # engineers: And the EC2 instance's subnet is not in SubnetExceptionList.
    And its "Reservations[].Instances[].SubnetId" is not in "subnetExceptionList"
    # engineers: And the Volume is encrypted. (the rule reads it from the configuration item)
    And the configuration item's "Volumes[].Encrypted" is true
    # engineers: And the KmsIdList parameter is not configured.
    And the rule parameter "kmsIdList" is not set
    Then the rule returns COMPLIANT

  Scenario: The Volume ID is not in the VolumeExceptionList and the Kms key ID encryting the volume is not in KmsIdList (Scenario 12)
    # engineers: Given the Volume ID is not in the VolumeExceptionList. (the rule reads it from the configuration item)
    Given the configuration item's "Volumes[].VolumeId" is not in "volumeExceptionList"
    # engineers: And the Volume is attached to an EC2 instance.
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    # engineers: And the EC2 instance's subnet is not in SubnetExceptionList.
    And its "Reservations[].Instances[].SubnetId" is not in "subnetExceptionList"
    # engineers: And the Volume is encrypted. (the rule reads it from the configuration item)
    And the configuration item's "Volumes[].Encrypted" is true
    # engineers: And the KmsIdList parameter is configured and valid.
    And the rule parameter "kmsIdList" is set
    # engineers: And the Kms key ID encryting the volume is not in KmsIdList. (the rule reads configuration.kmsKeyId from the configuration item and compares the key id after its "/")
    And the configuration item's "Volumes[].KmsKeyId" is not in "kmsIdList"
    Then the rule returns NON_COMPLIANT

  Scenario: The Volume ID is not in the VolumeExceptionList and the Kms key ID encryting the volume is in KmsIdList (Scenario 13)
    # engineers: Given the Volume ID is not in the VolumeExceptionList. (the rule reads it from the configuration item)
    Given the configuration item's "Volumes[].VolumeId" is not in "volumeExceptionList"
    # engineers: And the Volume is attached to an EC2 instance.
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    # engineers: And the EC2 instance's subnet is not in SubnetExceptionList.
    And its "Reservations[].Instances[].SubnetId" is not in "subnetExceptionList"
    # engineers: And the Volume is encrypted. (the rule reads it from the configuration item)
    And the configuration item's "Volumes[].Encrypted" is true
    # engineers: And the KmsIdList parameter is configured and valid.
    And the rule parameter "kmsIdList" is set
    # engineers: And the Kms key ID encryting the volume is in KmsIdList. (the rule reads configuration.kmsKeyId from the configuration item and compares the key id after its "/")
    And the configuration item's "Volumes[].KmsKeyId" is in "kmsIdList"
    Then the rule returns COMPLIANT
