@control:IAM.5 @severity:medium @resource:AWS::IAM::User @category:access-control
Feature: MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS
  Description: Every IAM user who can sign in to the AWS Management Console with a password must have an MFA device.
  Trigger: Periodic
  Reports on: AWS::IAM::User
  Rule Parameters: None

  Scenario: The user has no console password
    Given a user named in "Users[].UserName" by "iam.list_users"
    And "iam.get_login_profile" for that user fails with the error code NoSuchEntity
    Then the rule returns NOT_APPLICABLE

  Scenario: A console user has no MFA device
    Given a user named in "Users[].UserName" by "iam.list_users"
    And "iam.get_login_profile" for that user returns a "LoginProfile"
    And "iam.list_mfa_devices" for that user returns an empty "MFADevices[]" list
    Then the rule returns NON_COMPLIANT

  Scenario: A console user has an MFA device
    Given a user named in "Users[].UserName" by "iam.list_users"
    And "iam.get_login_profile" for that user returns a "LoginProfile"
    And "iam.list_mfa_devices" for that user returns an "MFADevices[].SerialNumber"
    Then the rule returns COMPLIANT

  Scenario: The account has no IAM users
    Given "iam.list_users" returns an empty "Users[]" list and "IsTruncated" false
    Then the rule returns NOT_APPLICABLE
