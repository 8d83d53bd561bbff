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
    Given the Volume ID is in the VolumeExceptionList.
    Then the rule returns COMPLIANT
    And the annotation is "This volume is part of the exception list."

  Scenario: The Volume ID is not in the VolumeExceptionList and the Volume is not encrypted
    Given the Volume ID is not in the VolumeExceptionList.
    And the Volume is not attached to an EC2 instance.
    And the Volume is not encrypted.
    Then the rule returns NON_COMPLIANT

  Scenario: The Volume ID is not in the VolumeExceptionList and the KmsIdList parameter is not configured
    Given the Volume ID is not in the VolumeExceptionList.
    And the Volume is not attached to an EC2 instance.
    And the Volume is encrypted.
    # engineers: And the KmsIdList parameter is not configured.
    And the rule parameter "kmsIdList" is not set
    Then the rule returns COMPLIANT

  Scenario: The Volume ID is not in the VolumeExceptionList and the Kms key ID encryting the volume is not in KmsIdList
    Given the Volume ID is not in the VolumeExceptionList.
    And the Volume is not attached to an EC2 instance.
    And the Volume is encrypted.
    # engineers: And the KmsIdList parameter is configured and valid.
    And the rule parameter "kmsIdList" is set
    And the Kms key ID encryting the volume is not in KmsIdList.
    Then the rule returns NON_COMPLIANT

  Scenario: The Volume ID is not in the VolumeExceptionList and the Kms key ID encryting the volume is in KmsIdList
    Given the Volume ID is not in the VolumeExceptionList.
    And the Volume is not attached to an EC2 instance.
    And the Volume is encrypted.
    # engineers: And the KmsIdList parameter is configured and valid.
    And the rule parameter "kmsIdList" is set
    And the Kms key ID encryting the volume is in KmsIdList.
    Then the rule returns COMPLIANT

  Scenario: The Volume ID is not in the VolumeExceptionList and the EC2 instance's subnet is in SubnetExceptionList
    Given the Volume ID is not in the VolumeExceptionList.
    # engineers: And the Volume is attached to an EC2 instance.
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    # engineers: And the EC2 instance's subnet is in SubnetExceptionList.
    And its "Reservations[].Instances[].SubnetId" is in "subnetExceptionList"
    Then the rule returns COMPLIANT
    And the annotation is "Subnet is part of exception list."

  Scenario: The Volume ID is not in the VolumeExceptionList
    Given the Volume ID is not in the VolumeExceptionList.
    # engineers: And the Volume is attached to an EC2 instance.
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    # engineers: And the EC2 instance's subnet is not in SubnetExceptionList.
    And its "Reservations[].Instances[].SubnetId" is not in "subnetExceptionList"
    And the Volume is not encrypted.
    Then the rule returns NON_COMPLIANT

  Scenario: The Volume ID is not in the VolumeExceptionList and the KmsIdList parameter is not configured (Scenario 11)
    Given the Volume ID is not in the VolumeExceptionList.
    # engineers: And the Volume is attached to an EC2 instance.
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    # engineers: And the EC2 instance's subnet is not in SubnetExceptionList.
    And its "Reservations[].Instances[].SubnetId" is not in "subnetExceptionList"
    And the Volume is encrypted.
    # engineers: And the KmsIdList parameter is not configured.
    And the rule parameter "kmsIdList" is not set
    Then the rule returns COMPLIANT

  Scenario: The Volume ID is not in the VolumeExceptionList and the Kms key ID encryting the volume is not in KmsIdList (Scenario 12)
    Given the Volume ID is not in the VolumeExceptionList.
    # engineers: And the Volume is attached to an EC2 instance.
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    # engineers: And the EC2 instance's subnet is not in SubnetExceptionList.
    And its "Reservations[].Instances[].SubnetId" is not in "subnetExceptionList"
    And the Volume is encrypted.
    # engineers: And the KmsIdList parameter is configured and valid.
    And the rule parameter "kmsIdList" is set
    And the Kms key ID encryting the volume is not in KmsIdList.
    Then the rule returns NON_COMPLIANT

  Scenario: The Volume ID is not in the VolumeExceptionList and the Kms key ID encryting the volume is in KmsIdList (Scenario 13)
    Given the Volume ID is not in the VolumeExceptionList.
    # engineers: And the Volume is attached to an EC2 instance.
    And an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    # engineers: And the EC2 instance's subnet is not in SubnetExceptionList.
    And its "Reservations[].Instances[].SubnetId" is not in "subnetExceptionList"
    And the Volume is encrypted.
    # engineers: And the KmsIdList parameter is configured and valid.
    And the rule parameter "kmsIdList" is set
    And the Kms key ID encryting the volume is in KmsIdList.
    Then the rule returns COMPLIANT
