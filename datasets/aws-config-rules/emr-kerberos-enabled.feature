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
    # engineers: Given the parameter TicketLifetimeInHours is configured | And the parameter is not a numeric value
    Given the rule parameter "ticketLifetimeInHours" is not a valid number
    Then the rule returns ERROR

  Scenario: The parameter Realm is configured and the parameter is not in capital letters
    # engineers: Given the parameter Realm is configured | And the parameter is not in capital letters
    Given the rule parameter "realm" is not a valid upper-case domain name
    Then the rule returns ERROR

  Scenario: The parameter Domain is configured and the parameter is not valid
    # engineers: Given the parameter Domain is configured | And the parameter is not valid
    Given the rule parameter "domain" is not a valid domain name
    Then the rule returns ERROR

  Scenario: The parameter AdminServer is configured and the parameter is not an alphanumeric value
    # engineers: Given the parameter AdminServer is configured | And the parameter is not an alphanumeric value
    Given the rule parameter "adminServer" is not a valid fully qualified domain name
    Then the rule returns ERROR

  Scenario: The parameter KdcServer is configured and the parameter is not an alphanumeric value
    # engineers: Given the parameter KdcServer is configured | And the parameter is not an alphanumeric value
    Given the rule parameter "kdcServer" is not a valid fully qualified domain name
    Then the rule returns ERROR

  Scenario: No EMR cluster is running
    # engineers: Given no EMR cluster is running
    Given "emr.list_clusters" returns an empty "Clusters[]" list
    Then the rule returns COMPLIANT

  Scenario: An EMR cluster is running and no security configuration is attached to the cluster
    # engineers: Given an EMR cluster is running
    Given a cluster described by "emr.describe_cluster" whose "Cluster.Status.State" is not one of TERMINATING, TERMINATED and TERMINATED_WITH_ERRORS
    # engineers: And no security configuration is attached to the cluster
    And its "Cluster.SecurityConfiguration" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: An EMR cluster is running
    # engineers: Given an EMR cluster is running
    Given a cluster described by "emr.describe_cluster" whose "Cluster.Status.State" is not one of TERMINATING, TERMINATED and TERMINATED_WITH_ERRORS
    # engineers: And security configuration is attached to the cluster
    And its "Cluster.SecurityConfiguration" is set
    # engineers: And the Parameter TicketLifetimeInHours or Realm or Domain or AdminServer or KdcServer is configured and not valid
    And either the "SecurityConfiguration" document's "AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration.TicketLifetimeInHours" is less than "ticketLifetimeInHours" or the "SecurityConfiguration" document's "AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration.CrossRealmTrustConfiguration.Realm" is not "realm" or the "SecurityConfiguration" document's "AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration.CrossRealmTrustConfiguration.Domain" is not "domain" or the "SecurityConfiguration" document's "AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration.CrossRealmTrustConfiguration.AdminServer" is not "adminServer" or the "SecurityConfiguration" document's "AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration.CrossRealmTrustConfiguration.KdcServer" is not "kdcServer"
    Then the rule returns NON_COMPLIANT

  Scenario: An EMR cluster is running (Scenario 10)
    # engineers: Given an EMR cluster is running
    Given a cluster described by "emr.describe_cluster" whose "Cluster.Status.State" is not one of TERMINATING, TERMINATED and TERMINATED_WITH_ERRORS
    # engineers: And security configuration is attached to the cluster
    And its "Cluster.SecurityConfiguration" is set
    # engineers: And the Parameter TicketLifetimeInHours or Realm or Domain or AdminServer or KdcServer is configured and valid
    And either the rule parameter "ticketLifetimeInHours" is not set or the "SecurityConfiguration" document's "AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration.TicketLifetimeInHours" is "ticketLifetimeInHours" or more
    And either the rule parameter "realm" is not set or the "SecurityConfiguration" document's "AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration.CrossRealmTrustConfiguration.Realm" is "realm"
    And either the rule parameter "domain" is not set or the "SecurityConfiguration" document's "AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration.CrossRealmTrustConfiguration.Domain" is "domain"
    And either the rule parameter "adminServer" is not set or the "SecurityConfiguration" document's "AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration.CrossRealmTrustConfiguration.AdminServer" is "adminServer"
    And either the rule parameter "kdcServer" is not set or the "SecurityConfiguration" document's "AuthenticationConfiguration.KerberosConfiguration.ClusterDedicatedKdcConfiguration.CrossRealmTrustConfiguration.KdcServer" is "kdcServer"
    Then the rule returns COMPLIANT
