@control:none @severity:medium @resource:AWS::SageMaker::EndpointConfig @category:encryption-at-rest
Feature: SAGEMAKER_ENDPOINT_CONFIGURATION_KMS_KEY_CONFIGURED
  Description: SageMaker endpoint configurations must name an AWS KMS key that encrypts the storage volumes attached to the hosting instances, optionally one of an approved list.
  Trigger: Configuration changes
  Reports on: AWS::SageMaker::EndpointConfig
  Rule Parameters: keyArns (CSV, optional, default none): comma-separated KMS key ARNs; when given, the endpoint configuration's key must be one of these ARNs

  Scenario: No endpoint configurations exist
    Given "sagemaker.list_endpoint_configs" returns an empty "EndpointConfigs[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: The endpoint configuration has no KMS key
    Given an endpoint configuration named in "EndpointConfigs[].EndpointConfigName" by "sagemaker.list_endpoint_configs"
    And "sagemaker.describe_endpoint_config" for that name returns no "KmsKeyId"
    Then the rule returns NON_COMPLIANT

  Scenario: A KMS key is set and no approved list is given
    Given the rule parameter "keyArns" is not set
    And an endpoint configuration described by "sagemaker.describe_endpoint_config"
    And its "KmsKeyId" is set
    Then the rule returns COMPLIANT

  Scenario: The KMS key is not in the approved list
    Given the rule parameter "keyArns" lists arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
    And an endpoint configuration described by "sagemaker.describe_endpoint_config"
    And its "KmsKeyId" is not in "keyArns"
    Then the rule returns NON_COMPLIANT

  Scenario: The KMS key is in the approved list
    Given the rule parameter "keyArns" lists arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
    And an endpoint configuration described by "sagemaker.describe_endpoint_config"
    And its "KmsKeyId" is arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
    Then the rule returns COMPLIANT

  Scenario: The approved list is not a list of KMS key ARNs
    Given the rule parameter "keyArns" is not-an-arn
    Then the rule returns ERROR
