@control:CloudFront.3 @severity:medium @resource:AWS::CloudFront::Distribution @category:encryption-in-transit
Feature: CLOUDFRONT_VIEWER_POLICY_HTTPS
  Description: CloudFront distributions must require viewers to use HTTPS (directly or by redirect) on the default cache behavior and on every additional cache behavior.
  Trigger: Configuration changes
  Reports on: AWS::CloudFront::Distribution
  Rule Parameters: None

  Scenario: No distributions exist
    Given "cloudfront.list_distributions", paged with "DistributionList.NextMarker" while "DistributionList.IsTruncated" is true, returns an empty "DistributionList.Items[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: The default cache behavior allows plain HTTP
    Given a distribution listed by "cloudfront.list_distributions"
    And "cloudfront.get_distribution_config" for its "DistributionList.Items[].Id" returns "DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy" "allow-all"
    Then the rule returns NON_COMPLIANT
    And the annotation is "Default cache behavior ViewerProtocolPolicy is allow-all"

  Scenario: An additional cache behavior allows plain HTTP
    Given a distribution whose "cloudfront.get_distribution_config" returns "DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy" "redirect-to-https"
    And some "DistributionConfig.CacheBehaviors.Items[].ViewerProtocolPolicy" is "allow-all"
    Then the rule returns NON_COMPLIANT

  Scenario: All behaviors require or redirect to HTTPS
    Given a distribution whose "cloudfront.get_distribution_config" returns "DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy" "https-only"
    And every "DistributionConfig.CacheBehaviors.Items[].ViewerProtocolPolicy" is "https-only" or "redirect-to-https"
    Then the rule returns COMPLIANT

  Scenario: Only a default cache behavior exists
    Given a distribution whose "cloudfront.get_distribution_config" returns "DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy" "redirect-to-https"
    And its "DistributionConfig.CacheBehaviors.Quantity" is 0
    Then the rule returns COMPLIANT
