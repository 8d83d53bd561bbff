@control:ELB.1 @severity:medium @resource:AWS::ElasticLoadBalancingV2::LoadBalancer @category:encryption-in-transit
Feature: ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK
  Description: Every HTTP listener of an Application Load Balancer must redirect requests to HTTPS, so clients never exchange data with the load balancer in clear text.
  Trigger: Periodic
  Reports on: AWS::ElasticLoadBalancingV2::LoadBalancer
  Rule Parameters: None

  Scenario: No Application Load Balancers exist
    Given "elbv2.describe_load_balancers", paged with "NextMarker" until it is not set, returns no Application Load Balancers
    Then the rule returns NOT_APPLICABLE

  Scenario: Network and Gateway Load Balancers are out of scope
    Given a load balancer returned by "elbv2.describe_load_balancers" whose "LoadBalancers[].Type" is "network"
    Then the rule returns NOT_APPLICABLE

  Scenario: An HTTP listener forwards traffic instead of redirecting it
    Given an Application Load Balancer returned by "elbv2.describe_load_balancers"
    And "elbv2.describe_listeners" for its "LoadBalancers[].LoadBalancerArn" returns "Listeners[].Protocol" "HTTP"
    And some "Listeners[].DefaultActions[].Type" of the entries whose "Listeners[].Protocol" is HTTP is forward
    Then the rule returns NON_COMPLIANT
    And the annotation is "HTTP listener does not redirect to HTTPS"

  Scenario: An HTTP listener redirects, but to HTTP
    Given an Application Load Balancer returned by "elbv2.describe_load_balancers"
    And "elbv2.describe_listeners" returns "Listeners[].Protocol" "HTTP"
    And some "Listeners[].DefaultActions[].Type" of the entries whose "Listeners[].Protocol" is HTTP is redirect
    And some "Listeners[].DefaultActions[].RedirectConfig.Protocol" of the entries whose "Listeners[].Protocol" is HTTP is one of HTTP and #{protocol}
    Then the rule returns NON_COMPLIANT

  Scenario: Every HTTP listener redirects to HTTPS
    Given an Application Load Balancer returned by "elbv2.describe_load_balancers"
    And "elbv2.describe_listeners" returns "Listeners[].Protocol" "HTTP"
    And every "Listeners[].DefaultActions[].Type" of the entries whose "Listeners[].Protocol" is HTTP is redirect
    And every "Listeners[].DefaultActions[].RedirectConfig.Protocol" of the entries whose "Listeners[].Protocol" is HTTP is HTTPS
    Then the rule returns COMPLIANT

  Scenario: The load balancer has only HTTPS listeners
    Given an Application Load Balancer returned by "elbv2.describe_load_balancers"
    And "elbv2.describe_listeners" returns "Listeners[].Protocol" "HTTPS"
    And every "Listeners[].Protocol" is "HTTPS"
    Then the rule returns COMPLIANT
