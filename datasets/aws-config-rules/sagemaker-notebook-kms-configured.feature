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
    # engineers: Given the rule parameter 'keyArns' is provided and is invalid
    Given the rule parameter "keyArns" is invalid
    Then the rule returns ERROR

  Scenario: No Amazon SageMaker notebook instances exist
    # engineers: Given no Amazon SageMaker notebook instances exist
    Given "sagemaker.list_notebook_instances" returns an empty "NotebookInstances[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: At least one Amazon SageMaker notebook instance exists
    # engineers: Given at least one Amazon SageMaker notebook instance exists
    Given a notebook instance in "NotebookInstances[]" listed by "sagemaker.list_notebook_instances"
    # engineers: And 'KmsKeyId' is not specified for the Amazon SageMaker Notebook Instance
    And "sagemaker.describe_notebook_instance" for that notebook instance returns no "KmsKeyId"
    Then the rule returns NON_COMPLIANT
    And the annotation is "No AWS KMS Key is configured for this Amazon SageMaker Notebook Instance."

  Scenario: The rule parameter 'keyArns' is provided and is valid
    # engineers: Given the rule parameter 'keyArns' is provided and is valid
    Given the rule parameter "keyArns" is set
    # engineers: And at least one Amazon SageMaker notebook instance exists
    And a notebook instance in "NotebookInstances[]" listed by "sagemaker.list_notebook_instances"
    # engineers: And 'KmsKeyId' is specified for the Amazon SageMaker Notebook Instance
    And "sagemaker.describe_notebook_instance" for that notebook instance returns a "KmsKeyId"
    # engineers: And none of the AWS KMS key IDs specified in the rule parameter 'keyArns' match 'KmsKeyId'
    And "sagemaker.describe_notebook_instance" for that notebook instance returns "KmsKeyId" is not in "keyArns"
    Then the rule returns NON_COMPLIANT
    And the annotation is "The AWS KMS Key configured for this Amazon SageMaker Notebook Instance is not an KMS Key allowed in the rule parameter (keyArns)."

  Scenario: The rule parameter 'keyArns' is provided and is valid (Scenario 5)
    # engineers: Given the rule parameter 'keyArns' is provided and is valid
    Given the rule parameter "keyArns" is set
    # engineers: And at least one Amazon SageMaker notebook instance exists
    And a notebook instance in "NotebookInstances[]" listed by "sagemaker.list_notebook_instances"
    # engineers: And 'KmsKeyId' is specified in the Amazon SageMaker Notebook Instance
    And "sagemaker.describe_notebook_instance" for that notebook instance returns a "KmsKeyId"
    # engineers: And one of the AWS KMS key IDs specified in the rule parameter 'keyArns' matches 'KmsKeyId'
    And "sagemaker.describe_notebook_instance" for that notebook instance returns "KmsKeyId" is in "keyArns"
    Then the rule returns COMPLIANT

  Scenario: The rule parameter 'keyArns' is not provided and 'KmsKeyId' is specified for the Amazon SageMaker Notebook Instance
    # engineers: Given the rule parameter 'keyArns' is not provided
    Given the rule parameter "keyArns" is not set
    # engineers: And at least one Amazon SageMaker notebook instance exists
    And a notebook instance in "NotebookInstances[]" listed by "sagemaker.list_notebook_instances"
    # engineers: And 'KmsKeyId' is specified for the Amazon SageMaker Notebook Instance
    And "sagemaker.describe_notebook_instance" for that notebook instance returns a "KmsKeyId"
    Then the rule returns COMPLIANT
