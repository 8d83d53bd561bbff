@control:ELB.5 @severity:medium @resource:AWS::ElasticLoadBalancingV2::LoadBalancer @category:logging
Feature: ELB_LOGGING_ENABLED
  Description: Application Load Balancers must deliver access logs to Amazon S3, so every request the load balancer handled can be investigated later.
  Trigger: Configuration changes
  Reports on: AWS::ElasticLoadBalancingV2::LoadBalancer
  Rule Parameters: None

  Scenario: Network and Gateway Load Balancers are not evaluated
    Given a load balancer returned by "elbv2.describe_load_balancers"
    And its "LoadBalancers[].Type" is "network" or "gateway"
    Then the rule returns NOT_APPLICABLE

  Scenario: Access logging is turned off
    Given an Application Load Balancer returned by "elbv2.describe_load_balancers"
    And "elbv2.describe_load_balancer_attributes" for its "LoadBalancers[].LoadBalancerArn" returns "Attributes[].Key" access_logs.s3.enabled
    And the "Attributes[].Value" of the entry whose "Attributes[].Key" is access_logs.s3.enabled is false
    Then the rule returns NON_COMPLIANT
    And the annotation is "access_logs.s3.enabled is false"

  Scenario: Logging is enabled but no bucket is named
    Given an Application Load Balancer returned by "elbv2.describe_load_balancers"
    And "elbv2.describe_load_balancer_attributes" returns "Attributes[].Key" access_logs.s3.enabled
    And the "Attributes[].Value" of the entry whose "Attributes[].Key" is access_logs.s3.enabled is true
    And the "Attributes[].Value" of the entry whose "Attributes[].Key" is access_logs.s3.bucket is empty
    Then the rule returns NON_COMPLIANT

  Scenario: Access logs are delivered to a bucket
    Given an Application Load Balancer returned by "elbv2.describe_load_balancers"
    And "elbv2.describe_load_balancer_attributes" returns "Attributes[].Key" access_logs.s3.enabled
    And the "Attributes[].Value" of the entry whose "Attributes[].Key" is access_logs.s3.enabled is true
    And the "Attributes[].Value" of the entry whose "Attributes[].Key" is access_logs.s3.bucket is not empty
    Then the rule returns COMPLIANT
