@control:S3.14 @severity:low @resource:AWS::S3::Bucket @category:resilience
Feature: S3_BUCKET_VERSIONING_ENABLED
  Description: S3 buckets must keep object versioning enabled so that overwritten or deleted objects can be recovered.
  Trigger: Configuration changes
  Reports on: AWS::S3::Bucket
  Rule Parameters: None

  Scenario: The account has no buckets
    Given "s3.list_buckets" returns an empty "Buckets[]" list and no "ContinuationToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: Versioning has never been enabled
    Given a bucket named in "Buckets[].Name" by "s3.list_buckets"
    And "s3.get_bucket_versioning" for that bucket returns no "Status"
    Then the rule returns NON_COMPLIANT

  Scenario: Versioning is suspended
    Given a bucket whose "s3.get_bucket_versioning" returns "Status" as "Suspended"
    Then the rule returns NON_COMPLIANT

  Scenario: Versioning is enabled
    Given a bucket whose "s3.get_bucket_versioning" returns "Status" as "Enabled"
    Then the rule returns COMPLIANT
