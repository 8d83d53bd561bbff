@control:S3.5 @severity:medium @resource:AWS::S3::Bucket @category:encryption-in-transit
Feature: S3_BUCKET_SSL_REQUESTS_ONLY
  Description: S3 bucket policies must deny every request that is not sent over TLS.
  Trigger: Configuration changes
  Reports on: AWS::S3::Bucket
  Rule Parameters: None

  Scenario: The account has no buckets
    Given "s3.list_buckets" returns an empty "Buckets[]" list and no "ContinuationToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: The bucket has no bucket policy
    Given a bucket named in "Buckets[].Name" by "s3.list_buckets"
    And "s3.get_bucket_policy" for that bucket fails with the error code NoSuchBucketPolicy
    Then the rule returns NON_COMPLIANT

  Scenario: The bucket policy has no statement about secure transport
    Given "s3.get_bucket_policy" returns a "Policy" document whose statements never test the condition key 'aws:SecureTransport'
    Then the rule returns NON_COMPLIANT

  Scenario: The secure-transport statement allows instead of denies
    Given "s3.get_bucket_policy" returns a "Policy" document whose only statement on 'aws:SecureTransport' has Effect 'Allow' with Condition Bool 'aws:SecureTransport' 'true'
    Then the rule returns NON_COMPLIANT

  Scenario: The bucket policy denies all non-TLS requests
    Given "s3.get_bucket_policy" returns a "Policy" document with a statement whose Effect is 'Deny', Principal is '*', Action is 's3:*', Resource covers both the bucket ARN and the bucket ARN followed by '/*', and Condition is Bool 'aws:SecureTransport' 'false'
    Then the rule returns COMPLIANT

  Scenario: The deny statement covers only some principals
    Given "s3.get_bucket_policy" returns a "Policy" document whose Deny statement on Bool 'aws:SecureTransport' 'false' names a single IAM role as Principal instead of '*'
    Then the rule returns NON_COMPLIANT
