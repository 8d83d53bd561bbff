@control:RDS.5 @severity:medium @resource:AWS::RDS::DBInstance @category:resilience
Feature: RDS_MULTI_AZ_SUPPORT
  Description: RDS DB instances must run as Multi-AZ deployments with a synchronous standby in a second Availability Zone.
  Trigger: Configuration changes
  Reports on: AWS::RDS::DBInstance
  Rule Parameters: None

  Scenario: No DB instances exist
    Given "rds.describe_db_instances" returns an empty "DBInstances[]" list and no "Marker"
    Then the rule returns NOT_APPLICABLE

  Scenario: A single-AZ DB instance
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].DBClusterIdentifier" is not set
    And its "DBInstances[].MultiAZ" is false
    Then the rule returns NON_COMPLIANT

  Scenario: A Multi-AZ DB instance with a standby
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].MultiAZ" is true
    And its "DBInstances[].SecondaryAvailabilityZone" is set
    Then the rule returns COMPLIANT

  Scenario: Aurora cluster members get availability from the cluster, not from the instance flag
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].DBClusterIdentifier" is set
    And its "DBInstances[].Engine" is aurora-mysql
    Then the rule returns NOT_APPLICABLE

  Scenario: A read replica is judged as its own instance
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].ReadReplicaSourceDBInstanceIdentifier" is set
    And its "DBInstances[].MultiAZ" is false
    Then the rule returns NON_COMPLIANT
