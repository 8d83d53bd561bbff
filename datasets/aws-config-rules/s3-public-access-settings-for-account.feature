@control:none @severity:medium @resource:AWS::::Account @category:network-exposure
Feature: S3_PUBLIC_ACCESS_SETTINGS_FOR_ACCOUNT
  Description: Checks whether AWS S3 public access account settings match the assigned parameters.
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: blockPublicAcls (string, optional, default none): Block new public ACLs and uploading public objects (Default True); ignorePublicAcls (string, optional, default none): Remove public access granted through public ACLs (Default True); blockPublicPolicy (string, optional, default none): Block new public bucket policies (Default True); restrictPublicBuckets (string, optional, default none): Block public and cross-account access to buckets that have public policies (Default True)

  Background:
    Given the rule's code calls "s3control.get_public_access_block"

  Scenario: Given: Input paramters are configured and at least one Input Paramter is invalid
    Given given: Input paramters are configured
    And at least one Input Paramter is invalid
    Then the rule returns ERROR

  Scenario: Given: All input parameters are valid
    Given given: All input parameters are valid
    And at least 1 S3 config parameter does not match the corresponding value for the account
    Then the rule returns NON_COMPLIANT

  Scenario: Given: No input parameters are defined
    Given given: No input parameters are defined
    And at least 1 default value does not match the corresponding value for the account
    Then the rule returns NON_COMPLIANT

  Scenario: Given: No input parameters are defined and all S3 public access account settings match the default values
    Given given: No input parameters are defined
    And all S3 public access account settings match the default values
    Then the rule returns COMPLIANT

  Scenario: Given: All input parameters are valid and all S3 config parameters match the corresponding value for the account
    Given given: All input parameters are valid
    And all S3 config parameters match the corresponding value for the account
    Then the rule returns COMPLIANT
