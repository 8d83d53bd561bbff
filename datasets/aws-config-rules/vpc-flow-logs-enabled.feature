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
    Given the parameter WhiteListedVPC is configured and valid
    And the VPC is in the WhiteListedVPC list
    Then the rule returns COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC
    Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    And the VPC does not have any Flow Logs associated
    Then the rule returns NON_COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 4)
    Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    And the VPC have no Flow Logs associated with a SUCCESS deliver-log-status
    Then the rule returns NON_COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 5)
    Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    And the parameter TrafficType is not configured
    And the parameter LogGroupName is not configured
    And the VPC has no Flow Logs associated with TrafficType set to ALL
    Then the rule returns NON_COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 6)
    Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    And the parameter TrafficType is not configured
    And the parameter LogGroupName is not configured
    And the VPC has a Flow Logs associated with TrafficType set to ALL
    Then the rule returns COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 7)
    Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    And the parameter TrafficType is not configured
    And the parameter LogGroupName is configured and valid
    And the VPC has no Flow Logs associated with TrafficType set to ALL and the LogGroupName matches the parameter LogGroupName
    Then the rule returns NON_COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 8)
    Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    And the parameter TrafficType is not configured
    And the parameter LogGroupName is configured and valid
    And the VPC has a Flow Logs associated with TrafficType set to ALL and the LogGroupName matches the parameter LogGroupName
    Then the rule returns COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 9)
    Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    And the parameter TrafficType is configured and valid
    And the VPC has no Flow Logs associated with TrafficType matching the parameter TrafficType
    Then the rule returns NON_COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 10)
    Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    And the parameter TrafficType is configured and valid
    And the parameter LogGroupName is configured and valid
    And the VPC has no Flow Logs associated with TrafficType matching the parameter TrafficType and the LogGroupName matches the parameter LogGroupName
    Then the rule returns NON_COMPLIANT

  Scenario: The parameter WhiteListedVPC is neither configured nor matching the VPC (Scenario 11)
    Given the parameter WhiteListedVPC is neither configured nor matching the VPC
    And the parameter TrafficType is configured and valid
    And the parameter LogGroupName is configured and valid
    And the VPC has a Flow Logs associated with TrafficType matching the parameter TrafficType and the LogGroupName matches the parameter LogGroupName
    Then the rule returns COMPLIANT
