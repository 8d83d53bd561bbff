@control:RDS.6 @severity:low @resource:AWS::RDS::DBInstance @category:monitoring
Feature: RDS_ENHANCED_MONITORING_ENABLED
  Description: RDS DB instances must collect Enhanced Monitoring operating-system metrics at a fixed interval through a monitoring IAM role.
  Trigger: Configuration changes
  Reports on: AWS::RDS::DBInstance
  Rule Parameters: None

  Scenario: No DB instances exist
    Given "rds.describe_db_instances" returns an empty "DBInstances[]" list and no "Marker"
    Then the rule returns NOT_APPLICABLE

  Scenario: Enhanced Monitoring is off
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].MonitoringInterval" is 0
    Then the rule returns NON_COMPLIANT

  Scenario: The monitoring interval is not returned
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].MonitoringInterval" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: Enhanced Monitoring collects every 60 seconds
    Given a DB instance in "DBInstances[]" returned by "rds.describe_db_instances"
    And its "DBInstances[].MonitoringInterval" is 60
    And its "DBInstances[].MonitoringRoleArn" is set
    And its "DBInstances[].EnhancedMonitoringResourceArn" is set
    Then the rule returns COMPLIANT
