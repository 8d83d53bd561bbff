@control:none @severity:medium @resource:AWS::IAM::User @category:access-control
Feature: IAM_IP_RESTRICTION
  Description: To check IAM users are IP restricted.
  Trigger: Periodic
  Reports on: AWS::IAM::User
  Rule Parameters: whitelistedUserNames (string, optional, default none): Represents the IAM user names which are exempted from the IAM Config rule. The valid user names in this parameter will be compliant by default. List of all the IAM user names separated by a comma.; maxIpNums (int, optional, default 20): Numeric variable representing the maximum number of IP addresses that can be restricted. The default is 20.

  Background:
    Given the rule's code calls "iam.list_users"
    And the rule's code calls "iam.list_user_policies"
    And the rule's code calls "iam.get_user_policy"
    And the rule's code calls "iam.list_attached_user_policies"
    And the rule's code calls "iam.get_policy"
    And the rule's code calls "iam.get_policy_version"
    And the rule's code calls "iam.list_groups_for_user"
    And the rule's code calls "iam.list_group_policies"
    And the rule's code calls "iam.get_group_policy"
    And the rule's code calls "iam.list_attached_group_policies"

  Scenario: No IAM Users
    # engineers: Given no IAM Users
    Given "iam.list_users" returns an empty "Users[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: WhitelistedUserNames is configured and a user name in WhitelistedUserNames is greater than 64 characters
    # engineers: Given whitelistedUserNames is configured
    Given the rule parameter "whitelistedUserNames" is invalid
    # engineers: And a user name in WhitelistedUserNames is greater than 64 characters
    And the rule parameter "whitelistedUserNames" is not a valid list of user names of at most 64 characters
    Then the rule returns ERROR

  Scenario: MaxIpNums is configured and maxIpNums is less than 0
    # engineers: Given maxIpNums is configured
    Given the rule parameter "maxIpNums" is set
    # engineers: And maxIpNums is less than 0
    And the rule parameter "maxIpNums" is less than 0
    Then the rule returns ERROR

  Scenario: An IAM user and whitelistedUserNames is configured and valid and the IAM user is listed on the WhitelistedUserNames
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And whitelistedUserNames is configured and valid
    And the rule parameter "whitelistedUserNames" is set
    # engineers: And the IAM user is listed on the WhitelistedUserNames
    And its "Users[].UserName" is in "whitelistedUserNames"
    Then the rule returns COMPLIANT

  Scenario: An IAM user and the IAM group attached policy is IP allowed
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And the IAM user is not listed on the WhitelistedUserNames, if configured
    And either the rule parameter "whitelistedUserNames" is not set or its "Users[].UserName" is not in "whitelistedUserNames"
    # engineers: And the IAM user inline policy is not IP allowed
    And either not every statement of the "PolicyDocument" document returned by "iam.get_user_policy" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_user_policy" is more than "maxIpNums"
    # engineers: And the IAM user attached policy is IP allowed
    And every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" is at most "maxIpNums"
    # engineers: And the IAM group inline policy is IP allowed
    And every statement of the "PolicyDocument" document returned by "iam.get_group_policy" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_group_policy" is at most "maxIpNums"
    # engineers: And the IAM group attached policy is IP allowed
    And every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" is at most "maxIpNums"
    Then the rule returns NON_COMPLIANT

  Scenario: An IAM user
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And the IAM user is not listed on the WhitelistedUserNames, if configured
    And either the rule parameter "whitelistedUserNames" is not set or its "Users[].UserName" is not in "whitelistedUserNames"
    # engineers: And the IAM user inline policy is IP allowed
    And every statement of the "PolicyDocument" document returned by "iam.get_user_policy" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_user_policy" is at most "maxIpNums"
    # engineers: And the IAM user attached policy is not IP allowed
    And either not every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" is more than "maxIpNums"
    # engineers: And the IAM group inline policy is IP allowed
    And every statement of the "PolicyDocument" document returned by "iam.get_group_policy" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_group_policy" is at most "maxIpNums"
    # engineers: And the IAM group attached policy is IP allowed
    And every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" is at most "maxIpNums"
    Then the rule returns NON_COMPLIANT

  Scenario: An IAM user and the IAM group attached policy is IP allowed (Scenario 7)
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And the IAM user is not listed on the WhitelistedUserNames, if configured
    And either the rule parameter "whitelistedUserNames" is not set or its "Users[].UserName" is not in "whitelistedUserNames"
    # engineers: And the IAM user inline policy is IP allowed
    And every statement of the "PolicyDocument" document returned by "iam.get_user_policy" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_user_policy" is at most "maxIpNums"
    # engineers: And the IAM user attached policy is IP allowed
    And every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" is at most "maxIpNums"
    # engineers: And the IAM group inline policy is not IP allowed
    And either not every statement of the "PolicyDocument" document returned by "iam.get_group_policy" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_group_policy" is more than "maxIpNums"
    # engineers: And the IAM group attached policy is IP allowed
    And every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" is at most "maxIpNums"
    Then the rule returns NON_COMPLIANT

  Scenario: An IAM user and the IAM group attached policy is not IP allowed
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And the IAM user is not listed on the WhitelistedUserNames, if configured
    And either the rule parameter "whitelistedUserNames" is not set or its "Users[].UserName" is not in "whitelistedUserNames"
    # engineers: And the IAM user inline policy is IP allowed
    And every statement of the "PolicyDocument" document returned by "iam.get_user_policy" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_user_policy" is at most "maxIpNums"
    # engineers: And the IAM user attached policy is IP allowed
    And every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" is at most "maxIpNums"
    # engineers: And the IAM group inline policy is IP allowed
    And every statement of the "PolicyDocument" document returned by "iam.get_group_policy" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_group_policy" is at most "maxIpNums"
    # engineers: And the IAM group attached policy is not IP allowed
    And either not every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" is more than "maxIpNums"
    Then the rule returns NON_COMPLIANT

  Scenario: An IAM user and the IAM group attached policy is IP allowed (Scenario 9)
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And the IAM user is not listed on the WhitelistedUserNames, if configured
    And either the rule parameter "whitelistedUserNames" is not set or its "Users[].UserName" is not in "whitelistedUserNames"
    # engineers: And the IAM user inline policy is IP allowed
    And every statement of the "PolicyDocument" document returned by "iam.get_user_policy" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_user_policy" is at most "maxIpNums"
    # engineers: And the IAM user attached policy is IP allowed
    And every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" is at most "maxIpNums"
    # engineers: And the IAM group inline policy is IP allowed
    And every statement of the "PolicyDocument" document returned by "iam.get_group_policy" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_group_policy" is at most "maxIpNums"
    # engineers: And the IAM group attached policy is IP allowed
    And every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" has Effect Allow and Condition IpAddress aws:SourceIp
    And the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" is at most "maxIpNums"
    Then the rule returns COMPLIANT

  Scenario: An IAM user and the IAM group attached policy is not IP allowed (Scenario 10)
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And the IAM user is not listed on the WhitelistedUserNames, if configured
    And either the rule parameter "whitelistedUserNames" is not set or its "Users[].UserName" is not in "whitelistedUserNames"
    # engineers: And the IAM user inline policy is IP denied
    And the "PolicyDocument" document returned by "iam.get_user_policy" has a statement with Effect Deny and Condition NotIpAddress aws:SourceIp
    And the number of IP addresses in Condition NotIpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_user_policy" is at most "maxIpNums"
    # engineers: And the IAM user attached policy is not IP allowed
    And either not every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" is more than "maxIpNums"
    # engineers: And the IAM group inline policy is not IP allowed
    And either not every statement of the "PolicyDocument" document returned by "iam.get_group_policy" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_group_policy" is more than "maxIpNums"
    # engineers: And the IAM group attached policy is not IP allowed
    And either not every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" is more than "maxIpNums"
    Then the rule returns COMPLIANT

  Scenario: An IAM user and the IAM group attached policy is not IP allowed (Scenario 11)
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And the IAM user is not listed on the WhitelistedUserNames, if configured
    And either the rule parameter "whitelistedUserNames" is not set or its "Users[].UserName" is not in "whitelistedUserNames"
    # engineers: And the IAM user inline policy is not IP allowed
    And either not every statement of the "PolicyDocument" document returned by "iam.get_user_policy" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_user_policy" is more than "maxIpNums"
    # engineers: And the IAM user attached policy is IP denied
    And the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" has a statement with Effect Deny and Condition NotIpAddress aws:SourceIp
    And the number of IP addresses in Condition NotIpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" is at most "maxIpNums"
    # engineers: And the IAM group inline policy is not IP allowed
    And either not every statement of the "PolicyDocument" document returned by "iam.get_group_policy" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_group_policy" is more than "maxIpNums"
    # engineers: And the IAM group attached policy is not IP allowed
    And either not every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" is more than "maxIpNums"
    Then the rule returns COMPLIANT

  Scenario: An IAM user and the IAM group attached policy is not IP allowed (Scenario 12)
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And the IAM user is not listed on the WhitelistedUserNames, if configured
    And either the rule parameter "whitelistedUserNames" is not set or its "Users[].UserName" is not in "whitelistedUserNames"
    # engineers: And the IAM user inline policy is not IP allowed
    And either not every statement of the "PolicyDocument" document returned by "iam.get_user_policy" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_user_policy" is more than "maxIpNums"
    # engineers: And the IAM user attached policy is not IP allowed
    And either not every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" is more than "maxIpNums"
    # engineers: And the IAM group inline policy is IP denied
    And the "PolicyDocument" document returned by "iam.get_group_policy" has a statement with Effect Deny and Condition NotIpAddress aws:SourceIp
    And the number of IP addresses in Condition NotIpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_group_policy" is at most "maxIpNums"
    # engineers: And the IAM group attached policy is not IP allowed
    And either not every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" is more than "maxIpNums"
    Then the rule returns COMPLIANT

  Scenario: An IAM user and the IAM group attached policy is IP denied
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And the IAM user is not listed on the WhitelistedUserNames, if configured
    And either the rule parameter "whitelistedUserNames" is not set or its "Users[].UserName" is not in "whitelistedUserNames"
    # engineers: And the IAM user inline policy is not IP allowed
    And either not every statement of the "PolicyDocument" document returned by "iam.get_user_policy" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_user_policy" is more than "maxIpNums"
    # engineers: And the IAM user attached policy is not IP allowed
    And either not every statement of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_user_policies" is more than "maxIpNums"
    # engineers: And the IAM group inline policy is not IP allowed
    And either not every statement of the "PolicyDocument" document returned by "iam.get_group_policy" has Effect Allow and Condition IpAddress aws:SourceIp or the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_group_policy" is more than "maxIpNums"
    # engineers: And the IAM group attached policy is IP denied
    And the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" has a statement with Effect Deny and Condition NotIpAddress aws:SourceIp
    And the number of IP addresses in Condition NotIpAddress aws:SourceIp of the "PolicyVersion.Document" document of the policies listed by "iam.list_attached_group_policies" is at most "maxIpNums"
    Then the rule returns COMPLIANT

  Scenario: An IAM user and the number of set IP addresses are greater than maxIpNums
    # engineers: Given an IAM user
    Given a user in "Users[]" listed by "iam.list_users"
    # engineers: And the IAM user is not listed on the WhitelistedUserNames, if configured
    And either the rule parameter "whitelistedUserNames" is not set or its "Users[].UserName" is not in "whitelistedUserNames"
    # engineers: And the IAM user inline policy is IP denied
    And the "PolicyDocument" document returned by "iam.get_user_policy" has a statement with Effect Deny and Condition NotIpAddress aws:SourceIp
    # engineers: And the number of set IP addresses are greater than maxIpNums
    And the number of IP addresses in Condition NotIpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_user_policy" is more than "maxIpNums"
    Then the rule returns NON_COMPLIANT
