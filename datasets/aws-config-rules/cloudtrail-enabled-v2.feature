@control:none @severity:medium @resource:AWS::::Account @category:logging
Feature: CLOUDTRAIL_ENABLED_V2
  Description: Checks that at least 1 CloudTrail trail is enabled and have all the specified characteristics, if any.
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: s3BucketName (string, optional, default none): The S3 bucket name where the trail is logging.; encryptedBoolean (string, optional, default none): Boolean to request encryption of the Trail Constraint: True/False; kMSKeyArn (string, optional, default none): The ARN of the KMS key which encrypt CloudTrail. The EncryptedBoolean must be set to True.; globalResourcesBoolean (string, optional, default none): Boolean to request Global resources logging. Constraint: True/False; multiRegionBoolean (string, optional, default none): Boolean to request Mutli-regions logging. Constraint: True/False; managementEventBoolean (string, optional, default none): Boolean to request the logging of Management Events. Constraint: True/False; s3DataEventBoolean (string, optional, default none): Boolean to request the logging of all S3 Data Events. Constraint: True/False; lambdaEventBoolean (string, optional, default none): Boolean to request the logging of all Lambda Events. Constraint: True/False; lFIBoolean (string, optional, default none): Boolean to request log file integrity enabled. Constraint: True/False

  Background:
    Given the rule's code calls "cloudtrail.get_trail_status"
    And the rule's code calls "cloudtrail.get_event_selectors"
    And the rule's code calls "cloudtrail.describe_trails"

  Scenario: Boolean Parameters not having value: True/False or empty
    Given boolean Parameters not having value: True/False or empty
    Then the rule returns ERROR

  Scenario: No CloudTrail trail exist
    Given no CloudTrail trail exist
    Then the rule returns NON_COMPLIANT

  Scenario: No CloudTrail trail is enabled
    Given no CloudTrail trail is enabled
    Then the rule returns NON_COMPLIANT

  Scenario: At least 1 CloudTrail trail is enabled and none of those delivers succesfully the logs into S3
    Given at least 1 CloudTrail trail is enabled
    And none of those delivers succesfully the logs into S3
    Then the rule returns NON_COMPLIANT

  Scenario: S3BucketName is configured and valid and none of those CloudTrail trail logs in S3BucketName
    Given S3BucketName is configured and valid
    And at least 1 CloudTrail trail is enabled
    And none of those CloudTrail trail logs in S3BucketName
    Then the rule returns NON_COMPLIANT

  Scenario: EncryptedBoolean is configured and valid and none of those CloudTrail trail is encrypted
    Given encryptedBoolean is configured and valid
    And at least 1 CloudTrail trail is enabled
    And none of those CloudTrail trail is encrypted
    Then the rule returns NON_COMPLIANT

  Scenario: EncryptedBoolean is configured and valid and none of those CloudTrail trail(s) is encrpyted with the KMS Key KMSKeyArn
    Given encryptedBoolean is configured and valid
    And KMSKeyArn is configured and valid
    And at least 1 CloudTrail trail is enabled
    And at least 1 of those CloudTrail trail(s) is encrypted
    And none of those CloudTrail trail(s) is encrpyted with the KMS Key KMSKeyArn
    Then the rule returns NON_COMPLIANT

  Scenario: GlobalResourcesBoolean is configured and valid and none of those CloudTrail trail is logging global resources
    Given globalResourcesBoolean is configured and valid
    And at least 1 CloudTrail trail is enabled
    And none of those CloudTrail trail is logging global resources
    Then the rule returns NON_COMPLIANT

  Scenario: MultiRegionBoolean is configured and valid and none of those CloudTrail trail is logging all the regions
    Given multiRegionBoolean is configured and valid
    And at least 1 CloudTrail trail is enabled
    And none of those CloudTrail trail is logging all the regions
    Then the rule returns NON_COMPLIANT

  Scenario: ManagementEventBoolean is configured and valid and none of those CloudTrail trail is logging management events
    Given managementEventBoolean is configured and valid
    And at least 1 CloudTrail trail is enabled
    And none of those CloudTrail trail is logging management events
    Then the rule returns NON_COMPLIANT

  Scenario: ManagementEventBoolean is configured and valid and none of those CloudTrail trail is logging in ReadWriteType = All
    Given managementEventBoolean is configured and valid
    And at least 1 CloudTrail trail is enabled
    And at least 1 of those CloudTrail trail is logging management events
    And none of those CloudTrail trail is logging in ReadWriteType = All
    Then the rule returns NON_COMPLIANT

  Scenario: S3DataEventBoolean is configured and valid and none of those CloudTrail trail is logging S3 data events
    Given S3DataEventBoolean is configured and valid
    And at least 1 CloudTrail trail is enabled
    And none of those CloudTrail trail is logging S3 data events
    Then the rule returns NON_COMPLIANT

  Scenario: LambdaEventBoolean is configured and valid and none of those CloudTrail trail is logging lambda events
    Given lambdaEventBoolean is configured and valid
    And at least 1 CloudTrail trail is enabled
    And none of those CloudTrail trail is logging lambda events
    Then the rule returns NON_COMPLIANT

  Scenario: LFIBoolean is configured and valid and none of those CloudTrail trail has log file integrity
    Given LFIBoolean is configured and valid
    And at least 1 CloudTrail trail is enabled
    And none of those CloudTrail trail has log file integrity
    Then the rule returns NON_COMPLIANT

  Scenario: At least 1 CloudTrail trail is enabled
    Given at least 1 CloudTrail trail is enabled
    And at least 1 of those CloudTrail trail has all configurations aligned with parameters
    Then the rule returns COMPLIANT
