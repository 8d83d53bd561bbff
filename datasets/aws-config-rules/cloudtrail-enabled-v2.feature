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
    # engineers: Given boolean Parameters not having value: True/False or empty
    Given either the rule parameter "encryptedBoolean" is not one of True, False and "" or the rule parameter "globalResourcesBoolean" is not one of True, False and "" or the rule parameter "multiRegionBoolean" is not one of True, False and "" or the rule parameter "managementEventBoolean" is not one of True, False and "" or the rule parameter "s3DataEventBoolean" is not one of True, False and "" or the rule parameter "lambdaEventBoolean" is not one of True, False and "" or the rule parameter "lFIBoolean" is not one of True, False and ""
    Then the rule returns ERROR

  Scenario: No CloudTrail trail exist
    # engineers: Given no CloudTrail trail exist
    Given "cloudtrail.describe_trails" returns an empty "trailList[]" list
    Then the rule returns NON_COMPLIANT

  Scenario: No CloudTrail trail is enabled
    # engineers: Given no CloudTrail trail is enabled
    Given "cloudtrail.get_trail_status" returns "IsLogging" false
    Then the rule returns NON_COMPLIANT

  Scenario: At least 1 CloudTrail trail is enabled and none of those delivers succesfully the logs into S3
    # engineers: Given at least 1 CloudTrail trail is enabled
    Given "cloudtrail.get_trail_status" returns "IsLogging" true
    # engineers: And none of those delivers succesfully the logs into S3
    And "cloudtrail.get_trail_status" returns a "LatestDeliveryError"
    Then the rule returns NON_COMPLIANT

  Scenario: S3BucketName is configured and valid and none of those CloudTrail trail logs in S3BucketName
    # engineers: Given S3BucketName is configured and valid
    Given the rule parameter "s3BucketName" is set
    # engineers: And at least 1 CloudTrail trail is enabled
    And "cloudtrail.get_trail_status" returns "IsLogging" true
    # engineers: And none of those CloudTrail trail logs in S3BucketName
    And no "trailList[].S3BucketName" equals "s3BucketName"
    Then the rule returns NON_COMPLIANT

  Scenario: EncryptedBoolean is configured and valid and none of those CloudTrail trail is encrypted
    # engineers: Given encryptedBoolean is configured and valid
    Given the rule parameter "encryptedBoolean" is True
    # engineers: And at least 1 CloudTrail trail is enabled
    And "cloudtrail.get_trail_status" returns "IsLogging" true
    # engineers: And none of those CloudTrail trail is encrypted
    And every "trailList[].KmsKeyId" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: EncryptedBoolean is configured and valid and none of those CloudTrail trail(s) is encrpyted with the KMS Key KMSKeyArn
    # engineers: Given encryptedBoolean is configured and valid
    Given the rule parameter "encryptedBoolean" is True
    # engineers: And KMSKeyArn is configured and valid
    And the rule parameter "kMSKeyArn" is set
    # engineers: And at least 1 CloudTrail trail is enabled
    And "cloudtrail.get_trail_status" returns "IsLogging" true
    # engineers: And at least 1 of those CloudTrail trail(s) is encrypted
    And some "trailList[].KmsKeyId" is set
    # engineers: And none of those CloudTrail trail(s) is encrpyted with the KMS Key KMSKeyArn
    And no "trailList[].KmsKeyId" equals "kMSKeyArn"
    Then the rule returns NON_COMPLIANT

  Scenario: GlobalResourcesBoolean is configured and valid and none of those CloudTrail trail is logging global resources
    # engineers: Given globalResourcesBoolean is configured and valid
    Given the rule parameter "globalResourcesBoolean" is True
    # engineers: And at least 1 CloudTrail trail is enabled
    And "cloudtrail.get_trail_status" returns "IsLogging" true
    # engineers: And none of those CloudTrail trail is logging global resources
    And every "trailList[].IncludeGlobalServiceEvents" is false
    Then the rule returns NON_COMPLIANT

  Scenario: MultiRegionBoolean is configured and valid and none of those CloudTrail trail is logging all the regions
    # engineers: Given multiRegionBoolean is configured and valid
    Given the rule parameter "multiRegionBoolean" is True
    # engineers: And at least 1 CloudTrail trail is enabled
    And "cloudtrail.get_trail_status" returns "IsLogging" true
    # engineers: And none of those CloudTrail trail is logging all the regions
    And every "trailList[].IsMultiRegionTrail" is false
    Then the rule returns NON_COMPLIANT

  Scenario: ManagementEventBoolean is configured and valid and none of those CloudTrail trail is logging management events
    # engineers: Given managementEventBoolean is configured and valid
    Given the rule parameter "managementEventBoolean" is True
    # engineers: And at least 1 CloudTrail trail is enabled
    And "cloudtrail.get_trail_status" returns "IsLogging" true
    # engineers: And none of those CloudTrail trail is logging management events
    And every "EventSelectors[].IncludeManagementEvents" is false
    Then the rule returns NON_COMPLIANT

  Scenario: ManagementEventBoolean is configured and valid and none of those CloudTrail trail is logging in ReadWriteType = All
    # engineers: Given managementEventBoolean is configured and valid
    Given the rule parameter "managementEventBoolean" is True
    # engineers: And at least 1 CloudTrail trail is enabled
    And "cloudtrail.get_trail_status" returns "IsLogging" true
    # engineers: And at least 1 of those CloudTrail trail is logging management events
    And some "EventSelectors[].IncludeManagementEvents" is true
    # engineers: And none of those CloudTrail trail is logging in ReadWriteType = All
    And every "EventSelectors[].ReadWriteType" is not All
    Then the rule returns NON_COMPLIANT

  Scenario: S3DataEventBoolean is configured and valid and none of those CloudTrail trail is logging S3 data events
    # engineers: Given S3DataEventBoolean is configured and valid
    Given the rule parameter "s3DataEventBoolean" is True
    # engineers: And at least 1 CloudTrail trail is enabled
    And "cloudtrail.get_trail_status" returns "IsLogging" true
    # engineers: And none of those CloudTrail trail is logging S3 data events
    And no "EventSelectors[].DataResources[].Type" is AWS::S3::Object
    Then the rule returns NON_COMPLIANT

  Scenario: LambdaEventBoolean is configured and valid and none of those CloudTrail trail is logging lambda events
    # engineers: Given lambdaEventBoolean is configured and valid
    Given the rule parameter "lambdaEventBoolean" is True
    # engineers: And at least 1 CloudTrail trail is enabled
    And "cloudtrail.get_trail_status" returns "IsLogging" true
    # engineers: And none of those CloudTrail trail is logging lambda events
    And no "EventSelectors[].DataResources[].Type" is AWS::Lambda::Function
    Then the rule returns NON_COMPLIANT

  Scenario: LFIBoolean is configured and valid and none of those CloudTrail trail has log file integrity
    # engineers: Given LFIBoolean is configured and valid
    Given the rule parameter "lFIBoolean" is True
    # engineers: And at least 1 CloudTrail trail is enabled
    And "cloudtrail.get_trail_status" returns "IsLogging" true
    # engineers: And none of those CloudTrail trail has log file integrity
    And every "trailList[].LogFileValidationEnabled" is false
    Then the rule returns NON_COMPLIANT

  Scenario: At least 1 CloudTrail trail is enabled
    # engineers: Given at least 1 CloudTrail trail is enabled
    Given "cloudtrail.get_trail_status" returns "IsLogging" true
    # engineers: And at least 1 of those CloudTrail trail has all configurations aligned with parameters (the rule's code takes each trail in turn and skips it at the first setting that differs from a parameter given, a delivery error included; a trail it does not skip makes the rule COMPLIANT)
    And a trail in "trailList[]" returned by "cloudtrail.describe_trails"
    And "cloudtrail.get_trail_status" returns no "LatestDeliveryError"
    And either the rule parameter "s3BucketName" is not set or its "trailList[].S3BucketName" equals "s3BucketName"
    And either the rule parameter "encryptedBoolean" is not set or the rule parameter "encryptedBoolean" is not True or its "trailList[].KmsKeyId" is set
    And either the rule parameter "encryptedBoolean" is not set or the rule parameter "encryptedBoolean" is not True or the rule parameter "kMSKeyArn" is not set or its "trailList[].KmsKeyId" equals "kMSKeyArn"
    And either the rule parameter "globalResourcesBoolean" is not set or the rule parameter "globalResourcesBoolean" is not True or its "trailList[].IncludeGlobalServiceEvents" is true
    And either the rule parameter "multiRegionBoolean" is not set or the rule parameter "multiRegionBoolean" is not True or its "trailList[].IsMultiRegionTrail" is true
    And either the rule parameter "lFIBoolean" is not set or the rule parameter "lFIBoolean" is not True or its "trailList[].LogFileValidationEnabled" is true
    And either the rule parameter "managementEventBoolean" is not set or the rule parameter "managementEventBoolean" is not True or its "EventSelectors[].IncludeManagementEvents" is true
    And either the rule parameter "managementEventBoolean" is not set or the rule parameter "managementEventBoolean" is not True or its "EventSelectors[].ReadWriteType" is All
    And either the rule parameter "s3DataEventBoolean" is not set or the rule parameter "s3DataEventBoolean" is not True or one of its "EventSelectors[].DataResources[].Type" values is AWS::S3::Object
    And either the rule parameter "lambdaEventBoolean" is not set or the rule parameter "lambdaEventBoolean" is not True or one of its "EventSelectors[].DataResources[].Type" values is AWS::Lambda::Function
    Then the rule returns COMPLIANT
