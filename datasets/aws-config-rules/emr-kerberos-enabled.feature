@control:none @severity:medium @resource:AWS::EMR::Cluster @category:monitoring
Feature: EMR_KERBEROS_ENABLED
  Description: Checks that EMR clusters have Kerberos Enabled
  Trigger: Periodic
  Reports on: AWS::EMR::Cluster
  Rule Parameters: ticketLifetimeInHours (string, optional, default none): Period for which Kerberos ticket issued by cluster's KDC is valid must be equal to or less than parameter; realm (string, optional, default none): Kereberos Realm name of the other realm in the trust relationship must be equal to parameter; domain (string, optional, default none): Domain name of the other realm in the trust relationship must be equal to parameter; adminServer (string, optional, default none): Fully qualified domain of the admin server in the other realm of the trust relationship must be equal to parameter; kdcServer (string, optional, default none): Fully qualified domain of the KDC server in the other realm of the trust relationship must be equal to parameter

  Background:
    Given the rule's code calls "emr.describe_cluster"
    And the rule's code calls "emr.describe_security_configuration"
    And the rule's code calls "emr.list_clusters"

  Scenario: The parameter TicketLifetimeInHours is configured and the parameter is not a numeric value
    Given the parameter TicketLifetimeInHours is configured
    And the parameter is not a numeric value
    Then the rule returns ERROR

  Scenario: The parameter Realm is configured and the parameter is not in capital letters
    Given the parameter Realm is configured
    And the parameter is not in capital letters
    Then the rule returns ERROR

  Scenario: The parameter Domain is configured and the parameter is not valid
    Given the parameter Domain is configured
    And the parameter is not valid
    Then the rule returns ERROR

  Scenario: The parameter AdminServer is configured and the parameter is not an alphanumeric value
    Given the parameter AdminServer is configured
    And the parameter is not an alphanumeric value
    Then the rule returns ERROR

  Scenario: The parameter KdcServer is configured and the parameter is not an alphanumeric value
    Given the parameter KdcServer is configured
    And the parameter is not an alphanumeric value
    Then the rule returns ERROR

  Scenario: No EMR cluster is running
    Given no EMR cluster is running
    Then the rule returns COMPLIANT

  Scenario: An EMR cluster is running and no security configuration is attached to the cluster
    Given an EMR cluster is running
    And no security configuration is attached to the cluster
    Then the rule returns NON_COMPLIANT

  Scenario: An EMR cluster is running
    Given an EMR cluster is running
    And security configuration is attached to the cluster
    And the Parameter TicketLifetimeInHours or Realm or Domain or AdminServer or KdcServer is configured and not valid
    Then the rule returns NON_COMPLIANT

  Scenario: An EMR cluster is running (Scenario 10)
    Given an EMR cluster is running
    And security configuration is attached to the cluster
    And the Parameter TicketLifetimeInHours or Realm or Domain or AdminServer or KdcServer is configured and valid
    Then the rule returns COMPLIANT
