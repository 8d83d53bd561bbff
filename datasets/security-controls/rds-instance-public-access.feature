@control:RDS.2 @severity:critical @resource:AWS::RDS::DBInstance @category:network-exposure
Feature: RDS_INSTANCE_PUBLIC_ACCESS_CHECK
  Description: RDS DB instances must not be publicly accessible, so that their endpoint never resolves to a public IP address.
  Trigger: Configuration changes
  Reports on: AWS::RDS::DBInstance
  Rule Parameters: None

  Scenario: No DB instances exist
    Given "rds.describe_db_instances" returns an empty "DBInstances[]" list and no "Marker"
    Then the rule returns NOT_APPLICABLE

  Scenario: The DB instance is publicly accessible
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].PubliclyAccessible" is true
    Then the rule returns NON_COMPLIANT

  Scenario: The DB instance is not publicly accessible
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].PubliclyAccessible" is false
    Then the rule returns COMPLIANT

  Scenario: A publicly accessible instance on a later page is found
    Given "rds.describe_db_instances" returns a "Marker" with its first page
    And the next page contains a DB instance whose "DBInstances[].PubliclyAccessible" is true
    Then the rule returns NON_COMPLIANT

