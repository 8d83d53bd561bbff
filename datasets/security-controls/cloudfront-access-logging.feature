@control:CloudFront.5 @severity:medium @resource:AWS::CloudFront::Distribution @category:logging
Feature: CLOUDFRONT_ACCESSLOGS_ENABLED
  Description: CloudFront distributions must write standard access logs to an Amazon S3 bucket, so viewer requests can be audited and investigated.
  Trigger: Configuration changes
  Reports on: AWS::CloudFront::Distribution
  Rule Parameters: None

  Scenario: No distributions exist
    Given "cloudfront.list_distributions" returns an empty "DistributionList.Items[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: Access logging is disabled
    Given a distribution listed by "cloudfront.list_distributions"
    And "cloudfront.get_distribution_config" for its "DistributionList.Items[].Id" returns "DistributionConfig.Logging.Enabled" false
    Then the rule returns NON_COMPLIANT
    And the annotation is "Standard logging is disabled"

  Scenario: Logging is enabled without a target bucket
    Given a distribution whose "cloudfront.get_distribution_config" returns "DistributionConfig.Logging.Enabled" true
    And its "DistributionConfig.Logging.Bucket" is empty
    Then the rule returns NON_COMPLIANT

  Scenario: Access logs go to an S3 bucket
    Given a distribution whose "cloudfront.get_distribution_config" returns "DistributionConfig.Logging.Enabled" true
    And its "DistributionConfig.Logging.Bucket" ends with .s3.amazonaws.com
    Then the rule returns COMPLIANT
