@control:CloudFront.6 @severity:medium @resource:AWS::CloudFront::Distribution @category:network-exposure
Feature: CLOUDFRONT_ASSOCIATED_WITH_WAF
  Description: CloudFront distributions must be associated with an AWS WAF web ACL (WAF Classic or AWS WAF), so requests are filtered at the edge before they reach the origin.
  Trigger: Configuration changes
  Reports on: AWS::CloudFront::Distribution
  Rule Parameters: None

  Scenario: No distributions exist
    Given "cloudfront.list_distributions", paged with "DistributionList.NextMarker" while "DistributionList.IsTruncated" is true, returns an empty "DistributionList.Items[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: No web ACL is associated
    Given a distribution listed by "cloudfront.list_distributions"
    And "cloudfront.get_distribution_config" for its "DistributionList.Items[].Id" returns an empty "DistributionConfig.WebACLId"
    Then the rule returns NON_COMPLIANT
    And the annotation is "No AWS WAF web ACL is associated"

  Scenario: An AWS WAF (v2) web ACL is associated
    Given a distribution whose "cloudfront.get_distribution_config" returns a "DistributionConfig.WebACLId"
    And its "DistributionConfig.WebACLId" starts with arn:aws:wafv2:us-east-1:
    Then the rule returns COMPLIANT

  Scenario: A WAF Classic web ACL is associated
    Given a distribution whose "cloudfront.get_distribution_config" returns a "DistributionConfig.WebACLId"
    And its "DistributionConfig.WebACLId" is not empty
    And its "DistributionConfig.WebACLId" does not start with arn:
    Then the rule returns COMPLIANT
