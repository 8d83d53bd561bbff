@control:ELB.6 @severity:medium @resource:AWS::ElasticLoadBalancingV2::LoadBalancer @category:resilience
Feature: ELB_DELETION_PROTECTION_ENABLED
  Description: Application Load Balancers must have deletion protection turned on, so an accidental or malicious delete call cannot take the application offline.
  Trigger: Configuration changes
  Reports on: AWS::ElasticLoadBalancingV2::LoadBalancer
  Rule Parameters: None

  Scenario: No Application Load Balancers exist
    Given "elbv2.describe_load_balancers", paged with "NextMarker" until it is not set, returns no Application Load Balancers
    Then the rule returns NOT_APPLICABLE

  Scenario: Deletion protection is off
    Given an Application Load Balancer returned by "elbv2.describe_load_balancers"
    And "elbv2.describe_load_balancer_attributes" for its "LoadBalancers[].LoadBalancerArn" returns "Attributes[].Key" deletion_protection.enabled
    And the "Attributes[].Value" of the entry whose "Attributes[].Key" is deletion_protection.enabled is false
    Then the rule returns NON_COMPLIANT
    And the annotation is "deletion_protection.enabled is false"

  Scenario: Deletion protection is on
    Given an Application Load Balancer returned by "elbv2.describe_load_balancers"
    And "elbv2.describe_load_balancer_attributes" returns "Attributes[].Key" deletion_protection.enabled
    And the "Attributes[].Value" of the entry whose "Attributes[].Key" is deletion_protection.enabled is true
    Then the rule returns COMPLIANT

  Scenario: A load balancer that is still provisioning is evaluated on its attributes
    Given an Application Load Balancer returned by "elbv2.describe_load_balancers" whose "LoadBalancers[].State.Code" is "provisioning"
    And "elbv2.describe_load_balancer_attributes" returns "Attributes[].Key" deletion_protection.enabled
    And the "Attributes[].Value" of the entry whose "Attributes[].Key" is deletion_protection.enabled is true
    Then the rule returns COMPLIANT
