@control:ELB.4 @severity:medium @resource:AWS::ElasticLoadBalancingV2::LoadBalancer @category:network-exposure
Feature: ALB_HTTP_DROP_INVALID_HEADER_ENABLED
  Description: Application Load Balancers must drop HTTP headers whose names are not valid, so malformed requests (a vector for request smuggling and desync attacks) never reach the targets.
  Trigger: Configuration changes
  Reports on: AWS::ElasticLoadBalancingV2::LoadBalancer
  Rule Parameters: None

  Scenario: The load balancer is not an Application Load Balancer
    Given a load balancer returned by "elbv2.describe_load_balancers"
    And its "LoadBalancers[].Type" is "network" or "gateway"
    Then the rule returns NOT_APPLICABLE

  Scenario: Invalid header fields are passed through
    Given an Application Load Balancer returned by "elbv2.describe_load_balancers" whose "LoadBalancers[].Type" is "application"
    And "elbv2.describe_load_balancer_attributes" for its "LoadBalancers[].LoadBalancerArn" returns an "Attributes[]"
    And one of its "Attributes[].Key" values is routing.http.drop_invalid_header_fields.enabled
    And the "Attributes[].Value" of the entry whose "Attributes[].Key" is routing.http.drop_invalid_header_fields.enabled is false
    Then the rule returns NON_COMPLIANT
    And the annotation is "routing.http.drop_invalid_header_fields.enabled is false"

  Scenario: The attribute is missing from the response
    Given an Application Load Balancer returned by "elbv2.describe_load_balancers"
    And "elbv2.describe_load_balancer_attributes" returns no "Attributes[].Key" routing.http.drop_invalid_header_fields.enabled
    And the "Attributes[].Value" of the entry whose "Attributes[].Key" is routing.http.drop_invalid_header_fields.enabled is not set
    Then the rule returns NON_COMPLIANT

  Scenario: Invalid header fields are dropped
    Given an Application Load Balancer returned by "elbv2.describe_load_balancers"
    And "elbv2.describe_load_balancer_attributes" returns an "Attributes[]"
    And one of its "Attributes[].Key" values is routing.http.drop_invalid_header_fields.enabled
    And the "Attributes[].Value" of the entry whose "Attributes[].Key" is routing.http.drop_invalid_header_fields.enabled is true
    Then the rule returns COMPLIANT
