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
    Given "s3.get_bucket_policy" returns a "Policy"
    And its "Policy" document has no statement with ConditionKey aws:SecureTransport
    Then the rule returns NON_COMPLIANT

  Scenario: The secure-transport statement allows instead of denies
    Given "s3.get_bucket_policy" returns a "Policy"
    And its "Policy" document has a statement with Effect Allow and Condition Bool aws:SecureTransport true
    And its "Policy" document has no statement with Condition Bool aws:SecureTransport false
    Then the rule returns NON_COMPLIANT

  Scenario: The bucket policy denies all non-TLS requests
    Given "s3.get_bucket_policy" returns a "Policy"
    And its "Policy" document has a statement with Effect Deny, Principal "*", Action "s3:*", Resource arn:aws:s3:::amzn-s3-demo-bucket, Resource arn:aws:s3:::amzn-s3-demo-bucket/* and Condition Bool aws:SecureTransport false
    Then the rule returns COMPLIANT

  Scenario: The deny statement covers only some principals
    Given "s3.get_bucket_policy" returns a "Policy"
    And its "Policy" document has a statement with Effect Deny and Condition Bool aws:SecureTransport false
    And its "Policy" document has no statement with Effect Deny, Principal "*" and Condition Bool aws:SecureTransport false
    Then the rule returns NON_COMPLIANT
