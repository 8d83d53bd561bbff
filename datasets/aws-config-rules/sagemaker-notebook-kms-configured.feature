@control:none @severity:medium @resource:AWS::SageMaker::NotebookInstance @category:encryption-at-rest
Feature: SAGEMAKER_NOTEBOOK_KMS_CONFIGURED
  Description: Check whether an AWS KMS key is configured for an Amazon SageMaker Notebook Instance.
  Trigger: Periodic
  Reports on: AWS::SageMaker::NotebookInstance
  Rule Parameters: keyArns (string, optional, default none): Comma-separated list of allowed AWS KMS key IDs.

  Background:
    Given the rule's code calls "sagemaker.describe_notebook_instance"
    And the rule's code calls "sagemaker.list_notebook_instances"

  Scenario: The rule parameter 'keyArns' is provided and is invalid
    Given the rule parameter 'keyArns' is provided and is invalid
    Then the rule returns ERROR

  Scenario: No Amazon SageMaker notebook instances exist
    Given no Amazon SageMaker notebook instances exist
    Then the rule returns NOT_APPLICABLE

  Scenario: At least one Amazon SageMaker notebook instance exists
    Given at least one Amazon SageMaker notebook instance exists
    And 'KmsKeyId' is not specified for the Amazon SageMaker Notebook Instance
    Then the rule returns NON_COMPLIANT
    And the annotation is "No AWS KMS Key is configured for this Amazon SageMaker Notebook Instance."

  Scenario: The rule parameter 'keyArns' is provided and is valid
    Given the rule parameter 'keyArns' is provided and is valid
    And at least one Amazon SageMaker notebook instance exists
    And 'KmsKeyId' is specified for the Amazon SageMaker Notebook Instance
    And none of the AWS KMS key IDs specified in the rule parameter 'keyArns' match 'KmsKeyId'
    Then the rule returns NON_COMPLIANT
    And the annotation is "The AWS KMS Key configured for this Amazon SageMaker Notebook Instance is not an KMS Key allowed in the rule parameter (keyArns)."

  Scenario: The rule parameter 'keyArns' is provided and is valid (Scenario 5)
    Given the rule parameter 'keyArns' is provided and is valid
    And at least one Amazon SageMaker notebook instance exists
    And 'KmsKeyId' is specified in the Amazon SageMaker Notebook Instance
    And one of the AWS KMS key IDs specified in the rule parameter 'keyArns' matches 'KmsKeyId'
    Then the rule returns COMPLIANT

  Scenario: The rule parameter 'keyArns' is not provided and 'KmsKeyId' is specified for the Amazon SageMaker Notebook Instance
    Given the rule parameter 'keyArns' is not provided
    And at least one Amazon SageMaker notebook instance exists
    And 'KmsKeyId' is specified for the Amazon SageMaker Notebook Instance
    Then the rule returns COMPLIANT
