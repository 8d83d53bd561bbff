@control:EFS.3 @severity:medium @resource:AWS::EFS::AccessPoint @category:access-control
Feature: EFS_ACCESS_POINT_ENFORCE_ROOT_DIRECTORY
  Description: EFS access points must confine clients to a subdirectory of the file system instead of exposing its root.
  Trigger: Configuration changes
  Reports on: AWS::EFS::AccessPoint
  Rule Parameters: None

  Scenario: No access points exist
    Given "efs.describe_access_points" returns an empty "AccessPoints[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: The access point exposes the file system root
    Given an access point in "AccessPoints[]" returned by "efs.describe_access_points"
    And its "AccessPoints[].RootDirectory.Path" is /
    Then the rule returns NON_COMPLIANT

  Scenario: The access point has no root directory setting
    Given an access point in "AccessPoints[]" returned by "efs.describe_access_points"
    And its "AccessPoints[].RootDirectory" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: The access point enforces a subdirectory
    Given an access point in "AccessPoints[]" returned by "efs.describe_access_points"
    And its "AccessPoints[].RootDirectory.Path" is /team-a/data
    Then the rule returns COMPLIANT
