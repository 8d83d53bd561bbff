@control:none @severity:medium @resource:AWS::ElasticLoadBalancingV2::LoadBalancer @category:encryption-in-transit
Feature: ELB_ALB_PREDEFINED_SSL_CHECK
  Description: Checks whether your Application Load Balancer TLS/SSL listeners are using a or several predefined policy. The rule is only applicable if there are TLS/SSL listeners for the Application Load Balancer.
  Trigger: Configuration changes
  Reports on: AWS::ElasticLoadBalancingV2::LoadBalancer
  Rule Parameters: validPolicies (string, required, default none): List of TLS/SSL policy name which are valid, separated with comma.

  Background:
    Given the rule's code calls "elbv2.describe_load_balancers"
    And the rule's code calls "elbv2.describe_listeners"

  Scenario: The ALB has no HTTPS listeners
    Given the ALB has no HTTPS listeners
    Then the rule returns NOT_APPLICABLE

  Scenario: The ALB has at least 1 HTTPS listener
    Given the ALB has at least 1 HTTPS listener
    And at least 1 listener has not their TLS/SSL Policy name listed in the ValidPolicies parameter
    Then the rule returns NON_COMPLIANT

  Scenario: The ALB has at least 1 HTTPS listener (Scenario 3)
    Given the ALB has at least 1 HTTPS listener
    And all listeners have their TLS/SSL Policy name listed in the ValidPolicies parameter
    Then the rule returns COMPLIANT
