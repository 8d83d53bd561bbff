@control:RDS.9 @severity:medium @resource:AWS::RDS::DBInstance @category:logging
Feature: RDS_LOGGING_ENABLED
  Description: RDS DB instances must export the database engine's logs to Amazon CloudWatch Logs; which log types are required depends on the engine.
  Trigger: Configuration changes
  Reports on: AWS::RDS::DBInstance
  Rule Parameters: None

  Scenario: No DB instances exist
    Given "rds.describe_db_instances" returns an empty "DBInstances[]" list and no "Marker"
    Then the rule returns NOT_APPLICABLE

  Scenario: No logs are exported
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].EnabledCloudwatchLogsExports[]" is empty or not set
    Then the rule returns NON_COMPLIANT

  Scenario: A PostgreSQL instance exports only some of its logs
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].Engine" is postgres
    And its "DBInstances[].EnabledCloudwatchLogsExports[]" holds only postgresql, without upgrade
    Then the rule returns NON_COMPLIANT

  Scenario: A PostgreSQL instance exports all of its logs
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].Engine" is postgres
    And its "DBInstances[].EnabledCloudwatchLogsExports[]" holds postgresql and upgrade
    Then the rule returns COMPLIANT

  Scenario: A MySQL instance exports its audit, error, general and slow query logs
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].Engine" is mysql
    And its "DBInstances[].EnabledCloudwatchLogsExports[]" holds audit, error, general and slowquery
    Then the rule returns COMPLIANT

  Scenario: A SQL Server instance exports its error log but not its agent log
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].Engine" is sqlserver-se
    And its "DBInstances[].EnabledCloudwatchLogsExports[]" holds only error
    Then the rule returns NON_COMPLIANT
