@control:EFS.4 @severity:medium @resource:AWS::EFS::AccessPoint @category:access-control
Feature: EFS_ACCESS_POINT_ENFORCE_USER_IDENTITY
  Description: EFS access points must override the POSIX user identity of every client request with a fixed user and group.
  Trigger: Configuration changes
  Reports on: AWS::EFS::AccessPoint
  Rule Parameters: None

  Scenario: No access points exist
    Given "efs.describe_access_points" returns an empty "AccessPoints[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: The access point does not enforce a user identity
    Given an access point in "AccessPoints[]" returned by "efs.describe_access_points"
    And its "AccessPoints[].PosixUser" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: The access point enforces a user and group
    Given an access point in "AccessPoints[]" returned by "efs.describe_access_points"
    And its "AccessPoints[].PosixUser.Uid" is 1001
    And its "AccessPoints[].PosixUser.Gid" is 1001
    Then the rule returns COMPLIANT

  Scenario: Access points on later pages are evaluated
    Given "efs.describe_access_points" returns a "NextToken"
    And the next page holds an access point whose "AccessPoints[].PosixUser" is not set
    Then the rule returns NON_COMPLIANT
