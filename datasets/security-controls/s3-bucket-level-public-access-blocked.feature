@control:S3.8 @severity:high @resource:AWS::S3::Bucket @category:access-control
Feature: S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED
  Description: Every S3 bucket must turn on all four bucket-level Block Public Access settings, except buckets the operator has deliberately listed as public.
  Trigger: Configuration changes
  Reports on: AWS::S3::Bucket
  Rule Parameters: excludedPublicBuckets (CSV, optional, default none): comma-separated names of buckets that are meant to be public and are not evaluated

  Scenario: The account has no buckets
    Given "s3.list_buckets" returns an empty "Buckets[]" list and no "ContinuationToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: The bucket has no public access block configuration
    Given a bucket named in "Buckets[].Name" by "s3.list_buckets"
    And "s3.get_public_access_block" for that bucket fails with the error code NoSuchPublicAccessBlockConfiguration
    Then the rule returns NON_COMPLIANT

  Scenario: One of the four settings is off
    Given a bucket whose public access block is returned by "s3.get_public_access_block"
    And its "PublicAccessBlockConfiguration.BlockPublicAcls" is true
    And its "PublicAccessBlockConfiguration.IgnorePublicAcls" is true
    And its "PublicAccessBlockConfiguration.BlockPublicPolicy" is true
    And its "PublicAccessBlockConfiguration.RestrictPublicBuckets" is false
    Then the rule returns NON_COMPLIANT

  Scenario: All four settings are on
    Given a bucket whose public access block is returned by "s3.get_public_access_block"
    And its "PublicAccessBlockConfiguration.BlockPublicAcls" is true
    And its "PublicAccessBlockConfiguration.IgnorePublicAcls" is true
    And its "PublicAccessBlockConfiguration.BlockPublicPolicy" is true
    And its "PublicAccessBlockConfiguration.RestrictPublicBuckets" is true
    Then the rule returns COMPLIANT

  Scenario: The bucket is listed as deliberately public
    Given the rule parameter "excludedPublicBuckets" is my-public-website-bucket
    And a bucket named in "Buckets[].Name" by "s3.list_buckets" whose "Buckets[].Name" is my-public-website-bucket
    Then the rule returns NOT_APPLICABLE

  Scenario: The exclusion list holds a value that is not a valid bucket name
    Given the rule parameter "excludedPublicBuckets" is My_Bucket!
    Then the rule returns ERROR
