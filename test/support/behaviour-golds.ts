/** Small golds for the behaviour tests: each exercises one thing state generation must get right. */

/** Two NON_COMPLIANT scenarios, the second inside the first: its state value never matters. */
export const INSTANCES_GOLD = `Feature: EC2_INSTANCE_NO_PUBLIC_IP
  Rule Parameters: None

  Scenario: No instances exist
    Given "ec2.describe_instances" returns an empty "Reservations[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: A public address
    Given an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And its "Reservations[].Instances[].PublicIpAddress" is set
    Then the rule returns NON_COMPLIANT

  Scenario: A stopped instance keeps its address
    Given an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And its "Reservations[].Instances[].State.Name" is "stopped"
    And its "Reservations[].Instances[].PublicIpAddress" is set
    Then the rule returns NON_COMPLIANT

  Scenario: Private addresses only
    Given an instance in "Reservations[].Instances[]" returned by "ec2.describe_instances"
    And its "Reservations[].Instances[].PublicIpAddress" is not set
    And its "Reservations[].Instances[].PrivateIpAddress" is set
    Then the rule returns COMPLIANT
`;

/** A NOT_APPLICABLE exemption with two conditions next to a NON_COMPLIANT scenario. */
export const VOLUMES_GOLD = `Feature: ENCRYPTED_VOLUMES
  Rule Parameters: None

  Scenario: No volumes exist
    Given "ec2.describe_volumes" returns an empty "Volumes[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: A detached volume is not evaluated
    Given a volume in "Volumes[]" returned by "ec2.describe_volumes"
    And its "Volumes[].State" is "available"
    And its "Volumes[].Attachments[]" is empty
    Then the rule returns NOT_APPLICABLE

  Scenario: An attached volume is unencrypted
    Given a volume in "Volumes[]" returned by "ec2.describe_volumes"
    And its "Volumes[].Attachments[].State" is "attached"
    And its "Volumes[].Encrypted" is false
    Then the rule returns NON_COMPLIANT

  Scenario: An attached volume is encrypted
    Given a volume in "Volumes[]" returned by "ec2.describe_volumes"
    And its "Volumes[].Attachments[].State" is "attached"
    And its "Volumes[].Encrypted" is true
    Then the rule returns COMPLIANT
`;

/** An error scenario that overlaps both others: only a state where two scenarios hold shows its outcome. */
export const SUPPORT_GOLD = `Feature: ENTERPRISE_SUPPORT_PLAN_ENABLED
  Rule Parameters: None

  Background:
    Given the rule's code calls "support.describe_severity_levels"

  Scenario: No subscription
    Given "support.describe_severity_levels" fails with the error code SubscriptionRequiredException
    Then the rule returns NON_COMPLIANT

  Scenario: No critical severity level
    Given no "severityLevels[].code" is critical
    Then the rule returns NON_COMPLIANT

  Scenario: A critical severity level
    Given some "severityLevels[].code" is critical
    Then the rule returns COMPLIANT
`;
