@control:EC2.6 @severity:medium @resource:AWS::EC2::VPC @category:logging
Feature: VPC_FLOW_LOGS_ENABLED
  Description: Every VPC must have an active flow log that records at least the traffic type the operator asks for.
  Trigger: Periodic
  Reports on: AWS::EC2::VPC
  Rule Parameters: trafficType (String, optional, default none): ACCEPT, REJECT or ALL; when given, an active flow log must record this traffic type or ALL (Security Hub sets REJECT)

  Scenario: No VPCs exist
    Given "ec2.describe_vpcs" returns an empty "Vpcs[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: The VPC has no flow log
    Given a VPC in "Vpcs[]" returned by "ec2.describe_vpcs"
    And "ec2.describe_flow_logs" for that VPC filtered on resource-id returns an empty "FlowLogs[]" list
    Then the rule returns NON_COMPLIANT

  Scenario: The VPC's only flow log is not active
    Given a VPC in "Vpcs[]" returned by "ec2.describe_vpcs"
    And "ec2.describe_flow_logs" for that VPC returns a "FlowLogs[].FlowLogStatus"
    And the number of "FlowLogs[]" is 1
    And its "FlowLogs[].FlowLogStatus" is not ACTIVE
    Then the rule returns NON_COMPLIANT

  Scenario: An active flow log records the required traffic type
    Given the rule parameter "trafficType" is REJECT
    And "ec2.describe_flow_logs" for the VPC returns "FlowLogs[].FlowLogStatus" ACTIVE
    And its "FlowLogs[].TrafficType" is "REJECT"
    Then the rule returns COMPLIANT

  Scenario: A flow log of all traffic satisfies any required traffic type
    Given the rule parameter "trafficType" is REJECT
    And "ec2.describe_flow_logs" for the VPC returns "FlowLogs[].FlowLogStatus" ACTIVE
    And its "FlowLogs[].TrafficType" is "ALL"
    Then the rule returns COMPLIANT

  Scenario: The active flow log records a different traffic type
    Given the rule parameter "trafficType" is REJECT
    And "ec2.describe_flow_logs" for the VPC returns "FlowLogs[].FlowLogStatus" ACTIVE
    And every "FlowLogs[].TrafficType" is "ACCEPT"
    Then the rule returns NON_COMPLIANT

  Scenario: The traffic type parameter is not a valid value
    Given the rule parameter "trafficType" is DENY
    Then the rule returns ERROR
