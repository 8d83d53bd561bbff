@control:none @severity:medium @resource:AWS::SageMaker::EndpointConfig @category:encryption-at-rest
Feature: SAGEMAKER_ENDPOINT_CONFIG_KMS_KEY_CONFIGURED
  Description: Check whether an AWS KMS key is configured for an Amazon SageMaker Endpoint Config.
  Trigger: Periodic
  Reports on: AWS::SageMaker::EndpointConfig
  Rule Parameters: keyArns (string, optional, default none): Comma-separated list of allowed AWS KMS key IDs.

  Background:
    Given the rule's code calls "sagemaker.list_endpoint_configs"
    And the rule's code calls "sagemaker.describe_endpoint_config"

  Scenario: The rule parameter 'keyArns' is provided and is invalid
    # engineers: Given the rule parameter 'keyArns' is provided and is invalid
    Given the rule parameter "keyArns" is invalid
    Then the rule returns ERROR

  Scenario: No Amazon SageMaker endpoint configs exist
    # engineers: Given no Amazon SageMaker endpoint configs exist
    Given "sagemaker.list_endpoint_configs" returns an empty "EndpointConfigs[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: At least one Amazon SageMaker endpoint config exists
    # engineers: Given at least one Amazon SageMaker endpoint config exists
    Given a endpoint config in "EndpointConfigs[]" listed by "sagemaker.list_endpoint_configs"
    # engineers: And 'KmsKeyId' is not specified for the Amazon SageMaker Endpoint Config
    And "sagemaker.describe_endpoint_config" for that endpoint config returns no "KmsKeyId"
    Then the rule returns NON_COMPLIANT
    And the annotation is "No AWS KMS Key is configured for this Amazon SageMaker Endpoint Config."

  Scenario: The rule parameter 'keyArns' is provided and is valid
    # engineers: Given the rule parameter 'keyArns' is provided and is valid
    Given the rule parameter "keyArns" is set
    # engineers: And at least one Amazon SageMaker endpoint config exists
    And a endpoint config in "EndpointConfigs[]" listed by "sagemaker.list_endpoint_configs"
    # engineers: And 'KmsKeyId' is specified for the Amazon SageMaker Endpoint Config
    And "sagemaker.describe_endpoint_config" for that endpoint config returns a "KmsKeyId"
    # engineers: And none of the AWS KMS key IDs specified in the rule parameter 'keyArns' match 'KmsKeyId'
    And "sagemaker.describe_endpoint_config" for that endpoint config returns "KmsKeyId" is not in "keyArns"
    Then the rule returns NON_COMPLIANT
    # engineers: And the annotation is "AWS KMS Key configured for this Amazon SageMaker Endpoint Config is not an KMS Key allowed in the rule parameter (keyArns): {allowed key IDs}."
    And the annotation is "AWS KMS Key configured for this Amazon SageMaker Endpoint Config is not an KMS Key allowed in the rule parameter (keyArns): allowed key IDs."

  Scenario: The rule parameter 'keyArns' is provided and is valid (Scenario 5)
    # engineers: Given the rule parameter 'keyArns' is provided and is valid
    Given the rule parameter "keyArns" is set
    # engineers: And at least one Amazon SageMaker endpoint config exists
    And a endpoint config in "EndpointConfigs[]" listed by "sagemaker.list_endpoint_configs"
    # engineers: And 'KmsKeyId' is specified in the Amazon SageMaker Endpoint Config
    And "sagemaker.describe_endpoint_config" for that endpoint config returns a "KmsKeyId"
    # engineers: And one of the AWS KMS key IDs specified in the rule parameter 'keyArns' matches 'KmsKeyId'
    And "sagemaker.describe_endpoint_config" for that endpoint config returns "KmsKeyId" is in "keyArns"
    Then the rule returns COMPLIANT

  Scenario: The rule parameter 'keyArns' is not provided and 'KmsKeyId' is specified in the Amazon SageMaker Endpoint Config
    # engineers: Given the rule parameter 'keyArns' is not provided
    Given the rule parameter "keyArns" is not set
    # engineers: And at least one Amazon SageMaker endpoint config exists
    And a endpoint config in "EndpointConfigs[]" listed by "sagemaker.list_endpoint_configs"
    # engineers: And 'KmsKeyId' is specified in the Amazon SageMaker Endpoint Config
    And "sagemaker.describe_endpoint_config" for that endpoint config returns a "KmsKeyId"
    Then the rule returns COMPLIANT
