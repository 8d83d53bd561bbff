@control:S3.9 @severity:medium @resource:AWS::S3::Bucket @category:logging
Feature: S3_BUCKET_LOGGING_ENABLED
  Description: S3 buckets must deliver server access logs to a target bucket.
  Trigger: Configuration changes
  Reports on: AWS::S3::Bucket
  Rule Parameters: None

  Scenario: The account has no buckets
    Given "s3.list_buckets" returns an empty "Buckets[]" list and no "ContinuationToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: Server access logging is off
    Given a bucket named in "Buckets[].Name" by "s3.list_buckets"
    And "s3.get_bucket_logging" for that bucket returns no "LoggingEnabled"
    Then the rule returns NON_COMPLIANT

  Scenario: Server access logging delivers to a target bucket
    Given a bucket named in "Buckets[].Name" by "s3.list_buckets"
    And "s3.get_bucket_logging" for that bucket returns a "LoggingEnabled.TargetBucket"
    And its "LoggingEnabled.TargetBucket" differs from the "Buckets[].Name"
    Then the rule returns COMPLIANT

  Scenario: A target prefix is optional
    Given a bucket whose "s3.get_bucket_logging" returns "LoggingEnabled.TargetBucket" set
    And its "LoggingEnabled.TargetPrefix" is empty
    Then the rule returns COMPLIANT
