@control:ELB.1 @severity:medium @resource:AWS::ElasticLoadBalancingV2::LoadBalancer @category:encryption-in-transit
Feature: ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK
  Description: Checks whether HTTP to HTTPS redirection is configured on all HTTP listeners of Application Load Balancers. The rule in NON_COMPLIANT if one or more HTTP listener of an Application Load Balancer do not have HTTP to HTTPS redirection configured.
  Trigger: Periodic
  Reports on: AWS::ElasticLoadBalancingV2::LoadBalancer
  Rule Parameters: None

  Background:
    Given the rule's code calls "elbv2.describe_load_balancers"
    And the rule's code calls "elbv2.describe_listeners"
    And the rule's code calls "elbv2.describe_rules"

  Scenario: No Application Load Balancer is present
    # engineers: Given no Application Load Balancer is present
    Given "elbv2.describe_load_balancers" returns no application load balancers
    Then the rule returns NOT_APPLICABLE

  Scenario: There is at least 1 Application Load Balancer and application Load Balancer has only HTTPS listener(s)
    # engineers: Given there is at least 1 Application Load Balancer
    Given a load balancer in "LoadBalancers[]" returned by "elbv2.describe_load_balancers" whose "LoadBalancers[].Type" is application
    # engineers: And application Load Balancer has only HTTPS listener(s)
    And every "Listeners[].SslPolicy" is set
    Then the rule returns COMPLIANT

  Scenario: There is at least 1 Application Load Balancer
    # engineers: Given there is at least 1 Application Load Balancer
    Given a load balancer in "LoadBalancers[]" returned by "elbv2.describe_load_balancers" whose "LoadBalancers[].Type" is application
    # engineers: And application Load Balancer has one or more HTTP listeners configured
    And some "Listeners[].SslPolicy" is not set
    # engineers: And at least one HTTP listener rule does not have HTTP to HTTPS redirection action configured
    And some "Rules[].Actions[].Type" is not redirect
    Then the rule returns NON_COMPLIANT

  Scenario: There is at least 1 Application Load Balancer (Scenario 4)
    # engineers: Given there is at least 1 Application Load Balancer
    Given a load balancer in "LoadBalancers[]" returned by "elbv2.describe_load_balancers" whose "LoadBalancers[].Type" is application
    # engineers: And application Load Balancer has one or more HTTP listeners configured
    And some "Listeners[].SslPolicy" is not set
    # engineers: And all HTTP listener rules have HTTP to HTTPS redirection action configured
    And every "Rules[].Actions[].Type" is redirect
    And every "Rules[].Actions[].RedirectConfig.Protocol" is HTTPS
    Then the rule returns COMPLIANT
