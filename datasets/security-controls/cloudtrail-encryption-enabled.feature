@control:CloudTrail.2 @severity:medium @resource:AWS::CloudTrail::Trail @category:encryption-at-rest
Feature: CLOUD_TRAIL_ENCRYPTION_ENABLED
  Description: CloudTrail trails must encrypt the log files they deliver to Amazon S3 with an AWS KMS key (SSE-KMS) instead of the default S3 managed encryption.
  Trigger: Periodic
  Reports on: AWS::CloudTrail::Trail
  Rule Parameters: None

  Scenario: No trails exist
    Given "cloudtrail.describe_trails" returns an empty "trailList[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: The trail has no KMS key
    Given a trail in "trailList[]" returned by "cloudtrail.describe_trails"
    And its "trailList[].HomeRegion" is the evaluated Region
    And its "trailList[].KmsKeyId" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: The trail encrypts its log files with a KMS key
    Given a trail in "trailList[]" returned by "cloudtrail.describe_trails"
    And its "trailList[].HomeRegion" is the evaluated Region
    And its "trailList[].KmsKeyId" starts with arn:aws:kms:
    Then the rule returns COMPLIANT

  Scenario: A shadow copy of a multi-Region trail from another home Region is skipped
    Given a trail in "trailList[]" returned by "cloudtrail.describe_trails"
    And its "trailList[].IsMultiRegionTrail" is true
    And its "trailList[].HomeRegion" is not the evaluated Region
    Then the rule returns NOT_APPLICABLE
