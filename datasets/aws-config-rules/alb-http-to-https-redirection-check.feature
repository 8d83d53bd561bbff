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
    Given no Application Load Balancer is present
    Then the rule returns NOT_APPLICABLE

  Scenario: There is at least 1 Application Load Balancer and application Load Balancer has only HTTPS listener(s)
    Given there is at least 1 Application Load Balancer
    And application Load Balancer has only HTTPS listener(s)
    Then the rule returns COMPLIANT

  Scenario: There is at least 1 Application Load Balancer
    Given there is at least 1 Application Load Balancer
    And application Load Balancer has one or more HTTP listeners configured
    And at least one HTTP listener rule does not have HTTP to HTTPS redirection action configured
    Then the rule returns NON_COMPLIANT

  Scenario: There is at least 1 Application Load Balancer (Scenario 4)
    Given there is at least 1 Application Load Balancer
    And application Load Balancer has one or more HTTP listeners configured
    And all HTTP listener rules have HTTP to HTTPS redirection action configured
    Then the rule returns COMPLIANT
