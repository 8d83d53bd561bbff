@control:ELB.3 @severity:medium @resource:AWS::ElasticLoadBalancing::LoadBalancer @category:encryption-in-transit
Feature: ELB_TLS_HTTPS_LISTENERS_ONLY
  Description: Every front-end listener of a Classic Load Balancer must terminate HTTPS or SSL/TLS, so no client connection to the load balancer is clear text.
  Trigger: Configuration changes
  Reports on: AWS::ElasticLoadBalancing::LoadBalancer
  Rule Parameters: None

  Scenario: No Classic Load Balancers exist
    Given "elb.describe_load_balancers", paged with "NextMarker" until it is not set, returns an empty "LoadBalancerDescriptions[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: A listener accepts plain HTTP
    Given a Classic Load Balancer returned by "elb.describe_load_balancers"
    And some "LoadBalancerDescriptions[].ListenerDescriptions[].Listener.Protocol" is one of HTTP and http
    Then the rule returns NON_COMPLIANT
    And the annotation is "Listener on port 80 uses HTTP"

  Scenario: A listener accepts plain TCP
    Given a Classic Load Balancer returned by "elb.describe_load_balancers"
    And one of its "LoadBalancerDescriptions[].ListenerDescriptions[].Listener.Protocol" values is TCP
    Then the rule returns NON_COMPLIANT

  Scenario: Every listener is HTTPS or SSL
    Given a Classic Load Balancer returned by "elb.describe_load_balancers"
    And every "LoadBalancerDescriptions[].ListenerDescriptions[].Listener.Protocol" is HTTPS or SSL
    And every "LoadBalancerDescriptions[].ListenerDescriptions[].Listener.SSLCertificateId" is set
    Then the rule returns COMPLIANT

  Scenario: The back-end protocol does not decide the result
    Given a Classic Load Balancer returned by "elb.describe_load_balancers"
    And every "LoadBalancerDescriptions[].ListenerDescriptions[].Listener.Protocol" is HTTPS
    And their "LoadBalancerDescriptions[].ListenerDescriptions[].Listener.InstanceProtocol" is HTTP
    Then the rule returns COMPLIANT
