@control:none @severity:medium @resource:AWS::::Account @category:network-exposure
Feature: S3_PUBLIC_ACCESS_SETTINGS_FOR_ACCOUNT
  Description: Checks whether AWS S3 public access account settings match the assigned parameters.
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: blockPublicAcls (string, optional, default none): Block new public ACLs and uploading public objects (Default True); ignorePublicAcls (string, optional, default none): Remove public access granted through public ACLs (Default True); blockPublicPolicy (string, optional, default none): Block new public bucket policies (Default True); restrictPublicBuckets (string, optional, default none): Block public and cross-account access to buckets that have public policies (Default True)

  Background:
    Given the rule's code calls "s3control.get_public_access_block"

  Scenario: Given: Input paramters are configured and at least one Input Paramter is invalid
    # engineers: Given given: Input paramters are configured | And at least one Input Paramter is invalid (the rule's code reads each parameter given as a boolean and fails on a value it cannot read as one)
    Given either the rule parameter "blockPublicAcls" is invalid or the rule parameter "ignorePublicAcls" is invalid or the rule parameter "blockPublicPolicy" is invalid or the rule parameter "restrictPublicBuckets" is invalid
    Then the rule returns ERROR

  Scenario: Given: All input parameters are valid
    # engineers: Given given: All input parameters are valid
    Given the rule parameter "blockPublicAcls" is set
    And the rule parameter "ignorePublicAcls" is set
    And the rule parameter "blockPublicPolicy" is set
    And the rule parameter "restrictPublicBuckets" is set
    # engineers: And at least 1 S3 config parameter does not match the corresponding value for the account
    And either the "PublicAccessBlockConfiguration.BlockPublicAcls" is not "blockPublicAcls" or the "PublicAccessBlockConfiguration.IgnorePublicAcls" is not "ignorePublicAcls" or the "PublicAccessBlockConfiguration.BlockPublicPolicy" is not "blockPublicPolicy" or the "PublicAccessBlockConfiguration.RestrictPublicBuckets" is not "restrictPublicBuckets"
    Then the rule returns NON_COMPLIANT

  Scenario: Given: No input parameters are defined
    # engineers: Given given: No input parameters are defined
    Given the rule parameter "blockPublicAcls" is not set
    And the rule parameter "ignorePublicAcls" is not set
    And the rule parameter "blockPublicPolicy" is not set
    And the rule parameter "restrictPublicBuckets" is not set
    # engineers: And at least 1 default value does not match the corresponding value for the account
    And either the "PublicAccessBlockConfiguration.BlockPublicAcls" is false or the "PublicAccessBlockConfiguration.IgnorePublicAcls" is false or the "PublicAccessBlockConfiguration.BlockPublicPolicy" is false or the "PublicAccessBlockConfiguration.RestrictPublicBuckets" is false
    Then the rule returns NON_COMPLIANT

  Scenario: Given: No input parameters are defined and all S3 public access account settings match the default values
    # engineers: Given given: No input parameters are defined
    Given the rule parameter "blockPublicAcls" is not set
    And the rule parameter "ignorePublicAcls" is not set
    And the rule parameter "blockPublicPolicy" is not set
    And the rule parameter "restrictPublicBuckets" is not set
    # engineers: And all S3 public access account settings match the default values
    And the "PublicAccessBlockConfiguration.BlockPublicAcls" is true
    And the "PublicAccessBlockConfiguration.IgnorePublicAcls" is true
    And the "PublicAccessBlockConfiguration.BlockPublicPolicy" is true
    And the "PublicAccessBlockConfiguration.RestrictPublicBuckets" is true
    Then the rule returns COMPLIANT

  Scenario: Given: All input parameters are valid and all S3 config parameters match the corresponding value for the account
    # engineers: Given given: All input parameters are valid
    Given the rule parameter "blockPublicAcls" is set
    And the rule parameter "ignorePublicAcls" is set
    And the rule parameter "blockPublicPolicy" is set
    And the rule parameter "restrictPublicBuckets" is set
    # engineers: And all S3 config parameters match the corresponding value for the account
    And the "PublicAccessBlockConfiguration.BlockPublicAcls" equals "blockPublicAcls"
    And the "PublicAccessBlockConfiguration.IgnorePublicAcls" equals "ignorePublicAcls"
    And the "PublicAccessBlockConfiguration.BlockPublicPolicy" equals "blockPublicPolicy"
    And the "PublicAccessBlockConfiguration.RestrictPublicBuckets" equals "restrictPublicBuckets"
    Then the rule returns COMPLIANT
