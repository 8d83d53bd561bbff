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
    # engineers: Given the ALB has no HTTPS listeners
    Given a load balancer in "LoadBalancers[]" returned by "elbv2.describe_load_balancers" whose "LoadBalancers[].Type" is application
    And every "Listeners[].SslPolicy" is not set
    Then the rule returns NOT_APPLICABLE

  Scenario: The ALB has at least 1 HTTPS listener
    # engineers: Given the ALB has at least 1 HTTPS listener
    Given a load balancer in "LoadBalancers[]" returned by "elbv2.describe_load_balancers" whose "LoadBalancers[].Type" is application
    And some "Listeners[].SslPolicy" is set
    # engineers: And at least 1 listener has not their TLS/SSL Policy name listed in the ValidPolicies parameter
    And some "Listeners[].SslPolicy" is not in "validPolicies"
    Then the rule returns NON_COMPLIANT

  Scenario: The ALB has at least 1 HTTPS listener (Scenario 3)
    # engineers: Given the ALB has at least 1 HTTPS listener
    Given a load balancer in "LoadBalancers[]" returned by "elbv2.describe_load_balancers" whose "LoadBalancers[].Type" is application
    And some "Listeners[].SslPolicy" is set
    # engineers: And all listeners have their TLS/SSL Policy name listed in the ValidPolicies parameter
    And no "Listeners[].SslPolicy" is not in "validPolicies"
    Then the rule returns COMPLIANT
