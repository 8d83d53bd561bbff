@control:EC2.1 @severity:critical @resource:AWS::::Account @category:network-exposure
Feature: EBS_SNAPSHOT_PUBLIC_RESTORABLE_CHECK
  Description: Check whether the Amazon EBS snapshots are not publicly restorable. The rule is NON_COMPLIANT if the RestorableByUserIds field is set to 'all'.
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: None

  Background:
    Given the rule's code calls "ec2.describe_snapshots"

  Scenario: No snapshots with RestorableByUserIds parameter set to 'all'
    # engineers: Given no snapshots with RestorableByUserIds parameter set to 'all'
    Given "ec2.describe_snapshots" returns no snapshots restorable by all
    Then the rule returns COMPLIANT

  Scenario: One or more snapshots with RestorableByUserIds parameter set to 'all'
    # engineers: Given one or more snapshots with RestorableByUserIds parameter set to 'all'
    Given a snapshot in "Snapshots[]" returned by "ec2.describe_snapshots" with RestorableByUserIds all
    Then the rule returns NON_COMPLIANT
    And the annotation is "containing SnapshotIDs"
