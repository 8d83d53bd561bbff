@control:S3.4 @severity:medium @resource:AWS::S3::Bucket @category:encryption-at-rest
Feature: S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED
  Description: S3 buckets must have default server-side encryption configured, with SSE-S3, SSE-KMS or DSSE-KMS.
  Trigger: Configuration changes
  Reports on: AWS::S3::Bucket
  Rule Parameters: None

  Scenario: The account has no buckets
    Given "s3.list_buckets" returns an empty "Buckets[]" list and no "ContinuationToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: The bucket has no default encryption configuration
    Given a bucket named in "Buckets[].Name" by "s3.list_buckets"
    And "s3.get_bucket_encryption" for that bucket fails with the error code ServerSideEncryptionConfigurationNotFoundError
    Then the rule returns NON_COMPLIANT

  Scenario: Default encryption uses S3 managed keys
    Given a bucket whose "s3.get_bucket_encryption" returns "ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault.SSEAlgorithm" as "AES256"
    Then the rule returns COMPLIANT

  Scenario: Default encryption uses AWS KMS
    Given a bucket whose "s3.get_bucket_encryption" returns "ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault.SSEAlgorithm" as "aws:kms"
    And its "ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault.KMSMasterKeyID" starts with arn:aws:kms:
    Then the rule returns COMPLIANT

  Scenario: Default encryption uses dual-layer KMS encryption
    Given a bucket whose "s3.get_bucket_encryption" returns "ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault.SSEAlgorithm" as "aws:kms:dsse"
    Then the rule returns COMPLIANT

  Scenario: Buckets in other Regions are left to the rule in that Region
    Given a bucket named in "Buckets[].Name" by "s3.list_buckets" whose "Buckets[].BucketRegion" is not the evaluated Region
    Then the rule returns NOT_APPLICABLE
