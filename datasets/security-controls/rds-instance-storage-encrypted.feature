@control:RDS.3 @severity:medium @resource:AWS::RDS::DBInstance @category:encryption-at-rest
Feature: RDS_STORAGE_ENCRYPTED
  Description: The storage of every RDS DB instance, with its automated backups, read replicas and snapshots, must be encrypted at rest.
  Trigger: Configuration changes
  Reports on: AWS::RDS::DBInstance
  Rule Parameters: None

  Scenario: No DB instances exist
    Given "rds.describe_db_instances" returns an empty "DBInstances[]" list and no "Marker"
    Then the rule returns NOT_APPLICABLE

  Scenario: Storage is not encrypted
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].StorageEncrypted" is false
    Then the rule returns NON_COMPLIANT

  Scenario: Storage is encrypted with a KMS key
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].StorageEncrypted" is true
    And its "DBInstances[].KmsKeyId" is set
    Then the rule returns COMPLIANT

  Scenario: An Aurora cluster member inherits its cluster's encryption
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances" whose "DBInstances[].DBClusterIdentifier" is set
    And its "DBInstances[].StorageEncrypted" is true
    Then the rule returns COMPLIANT

  Scenario: An instance that is being deleted is not evaluated
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].DBInstanceStatus" is deleting
    Then the rule returns NOT_APPLICABLE
