@control:none @severity:medium @resource:AWS::SageMaker::EndpointConfig @category:encryption-at-rest
Feature: SAGEMAKER_ENDPOINT_CONFIG_KMS_KEY_CONFIGURED
  Description: Check whether an AWS KMS key is configured for an Amazon SageMaker Endpoint Config.
  Trigger: Periodic
  Reports on: AWS::SageMaker::EndpointConfig
  Rule Parameters: None

  Background:
    Given the rule's code calls "sagemaker.list_endpoint_configs"
    And the rule's code calls "sagemaker.describe_endpoint_config"

  Scenario: The rule parameter 'keyArns' is provided and is invalid
    Given the rule parameter 'keyArns' is provided and is invalid
    Then the rule returns ERROR

  Scenario: No Amazon SageMaker endpoint configs exist
    Given no Amazon SageMaker endpoint configs exist
    Then the rule returns NOT_APPLICABLE

  Scenario: At least one Amazon SageMaker endpoint config exists
    Given at least one Amazon SageMaker endpoint config exists
    And 'KmsKeyId' is not specified for the Amazon SageMaker Endpoint Config
    Then the rule returns NON_COMPLIANT
    And the annotation is "No AWS KMS Key is configured for this Amazon SageMaker Endpoint Config."

  Scenario: The rule parameter 'keyArns' is provided and is valid
    Given the rule parameter 'keyArns' is provided and is valid
    And at least one Amazon SageMaker endpoint config exists
    And 'KmsKeyId' is specified for the Amazon SageMaker Endpoint Config
    And none of the AWS KMS key IDs specified in the rule parameter 'keyArns' match 'KmsKeyId'
    Then the rule returns NON_COMPLIANT
    # engineers: And the annotation is "AWS KMS Key configured for this Amazon SageMaker Endpoint Config is not an KMS Key allowed in the rule parameter (keyArns): {allowed key IDs}."
    And the annotation is "AWS KMS Key configured for this Amazon SageMaker Endpoint Config is not an KMS Key allowed in the rule parameter (keyArns): allowed key IDs."

  Scenario: The rule parameter 'keyArns' is provided and is valid (Scenario 5)
    Given the rule parameter 'keyArns' is provided and is valid
    And at least one Amazon SageMaker endpoint config exists
    And 'KmsKeyId' is specified in the Amazon SageMaker Endpoint Config
    And one of the AWS KMS key IDs specified in the rule parameter 'keyArns' matches 'KmsKeyId'
    Then the rule returns COMPLIANT

  Scenario: The rule parameter 'keyArns' is not provided and 'KmsKeyId' is specified in the Amazon SageMaker Endpoint Config
    Given the rule parameter 'keyArns' is not provided
    And at least one Amazon SageMaker endpoint config exists
    And 'KmsKeyId' is specified in the Amazon SageMaker Endpoint Config
    Then the rule returns COMPLIANT
