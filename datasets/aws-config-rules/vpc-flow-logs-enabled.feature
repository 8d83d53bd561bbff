@control:EC2.6 @severity:medium @resource:AWS::EC2::VPC @category:logging
Feature: VPC_FLOW_LOGS_ENABLED
  Description: Check whether VPCs have Flow Logs enabled.
  Trigger: Periodic
  Reports on: AWS::EC2::VPC
  Rule Parameters: whiteListedVPC (string, optional, default none): This parameter can be used to white-list VPCs, the white-listed VPCs will not be evaluated and be returned as COMPLIANT. Separate multiple VPCs by a comma.; logGroupName (string, optional, default none): This parameter specifies the logGroupName where the flow logs must be sent to.; trafficType (string, optional, default none): This parameter defines the type of traffic that is being logged for a VPC. By default, the rule checks for 'ALL'. Possible values are ALL, ACCEPT & REJECT

  Background:
    Given the rule's code calls "ec2.describe_flow_logs"
    And the rule's code calls "ec2.describe_vpcs"

  Scenario: The parameter WhiteListedVPC is configured and valid and the VPC is in the WhiteListedVPC list
    # engineers: Given the parameter WhiteListedVPC is configured and valid
    Given the rule parameter "whiteListedVPC" is set
    # engineers: And the VPC is in the WhiteListedVPC list
    And a VPC in "Vpcs[]" returned by "ec2.describe_vpcs" whose "Vpcs[].VpcId" is in "whiteListedVPC"
    Then the rule returns COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC
    # engineers: Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    Given the rule parameter "whiteListedVPC" is not set
    And a VPC in "Vpcs[]" returned by "ec2.describe_vpcs"
    # engineers: And the VPC does not have any Flow Logs associated
    And "ec2.describe_flow_logs" for that VPC returns an empty "FlowLogs[]" list
    Then the rule returns NON_COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 4)
    # engineers: Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    Given the rule parameter "whiteListedVPC" is not set
    And a VPC in "Vpcs[]" returned by "ec2.describe_vpcs"
    # engineers: And the VPC have no Flow Logs associated with a SUCCESS deliver-log-status
    And no "FlowLogs[].DeliverLogsStatus" is SUCCESS
    Then the rule returns NON_COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 5)
    # engineers: Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    Given the rule parameter "whiteListedVPC" is not set
    And a VPC in "Vpcs[]" returned by "ec2.describe_vpcs"
    # engineers: And the parameter TrafficType is not configured
    And the rule parameter "trafficType" is not set
    # engineers: And the parameter LogGroupName is not configured
    And the rule parameter "logGroupName" is not set
    # engineers: And the VPC has no Flow Logs associated with TrafficType set to ALL
    And no "FlowLogs[].TrafficType" is ALL
    Then the rule returns NON_COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 6)
    # engineers: Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    Given the rule parameter "whiteListedVPC" is not set
    And a VPC in "Vpcs[]" returned by "ec2.describe_vpcs"
    # engineers: And the parameter TrafficType is not configured
    And the rule parameter "trafficType" is not set
    # engineers: And the parameter LogGroupName is not configured
    And the rule parameter "logGroupName" is not set
    # engineers: And the VPC has a Flow Logs associated with TrafficType set to ALL
    And some "FlowLogs[].TrafficType" is ALL
    And some "FlowLogs[].DeliverLogsStatus" is SUCCESS
    Then the rule returns COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 7)
    # engineers: Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    Given the rule parameter "whiteListedVPC" is not set
    And a VPC in "Vpcs[]" returned by "ec2.describe_vpcs"
    # engineers: And the parameter TrafficType is not configured
    And the rule parameter "trafficType" is not set
    # engineers: And the parameter LogGroupName is configured and valid
    And the rule parameter "logGroupName" is set
    # engineers: And the VPC has no Flow Logs associated with TrafficType set to ALL and the LogGroupName matches the parameter LogGroupName
    And no "FlowLogs[].TrafficType" is ALL
    And the "FlowLogs[].LogGroupName" equals "logGroupName"
    Then the rule returns NON_COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 8)
    # engineers: Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    Given the rule parameter "whiteListedVPC" is not set
    And a VPC in "Vpcs[]" returned by "ec2.describe_vpcs"
    # engineers: And the parameter TrafficType is not configured
    And the rule parameter "trafficType" is not set
    # engineers: And the parameter LogGroupName is configured and valid
    And the rule parameter "logGroupName" is set
    # engineers: And the VPC has a Flow Logs associated with TrafficType set to ALL and the LogGroupName matches the parameter LogGroupName
    And some "FlowLogs[].TrafficType" is ALL
    And the "FlowLogs[].LogGroupName" equals "logGroupName"
    And some "FlowLogs[].DeliverLogsStatus" is SUCCESS
    Then the rule returns COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 9)
    # engineers: Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    Given the rule parameter "whiteListedVPC" is not set
    And a VPC in "Vpcs[]" returned by "ec2.describe_vpcs"
    # engineers: And the parameter TrafficType is configured and valid
    And the rule parameter "trafficType" is one of ALL, ACCEPT and REJECT
    # engineers: And the VPC has no Flow Logs associated with TrafficType matching the parameter TrafficType
    And no "FlowLogs[].TrafficType" equals "trafficType"
    Then the rule returns NON_COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 10)
    # engineers: Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    Given the rule parameter "whiteListedVPC" is not set
    And a VPC in "Vpcs[]" returned by "ec2.describe_vpcs"
    # engineers: And the parameter TrafficType is configured and valid
    And the rule parameter "trafficType" is one of ALL, ACCEPT and REJECT
    # engineers: And the parameter LogGroupName is configured and valid
    And the rule parameter "logGroupName" is set
    # engineers: And the VPC has no Flow Logs associated with TrafficType matching the parameter TrafficType and the LogGroupName matches the parameter LogGroupName
    And no "FlowLogs[].LogGroupName" of the entries whose "FlowLogs[].TrafficType" is "trafficType" is "logGroupName"
    Then the rule returns NON_COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 11)
    # engineers: Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    Given the rule parameter "whiteListedVPC" is not set
    And a VPC in "Vpcs[]" returned by "ec2.describe_vpcs"
    # engineers: And the parameter TrafficType is configured and valid
    And the rule parameter "trafficType" is one of ALL, ACCEPT and REJECT
    # engineers: And the parameter LogGroupName is configured and valid
    And the rule parameter "logGroupName" is set
    # engineers: And the VPC has a Flow Logs associated with TrafficType matching the parameter TrafficType and the LogGroupName matches the parameter LogGroupName
    And some "FlowLogs[].LogGroupName" of the entries whose "FlowLogs[].TrafficType" is "trafficType" is "logGroupName"
    And some "FlowLogs[].DeliverLogsStatus" is SUCCESS
    Then the rule returns COMPLIANT
