@control:SageMaker.1 @severity:high @resource:AWS::::Account @category:network-exposure
Feature: SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS
  Description: Check whether direct internet access is disabled for an Amazon SageMaker Notebook Instance.
  Trigger: Periodic
  Reports on: AWS::::Account
  Rule Parameters: None

  Background:
    Given the rule's code calls "sagemaker.describe_notebook_instance"
    And the rule's code calls "sagemaker.list_notebook_instances"

  Scenario: No Amazon SageMaker notebook instances exist
    # engineers: Given no Amazon SageMaker notebook instances exist
    Given "sagemaker.list_notebook_instances" returns an empty "NotebookInstances[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: At least one Amazon SageMaker notebook instance exists
    # engineers: Given at least one Amazon SageMaker notebook instance exists
    Given a notebook instance in "NotebookInstances[]" listed by "sagemaker.list_notebook_instances"
    # engineers: And directInternetAccess is set to Enabled for the Amazon SageMaker notebook instance
    And "sagemaker.describe_notebook_instance" for that notebook instance returns "DirectInternetAccess" Enabled
    Then the rule returns NON_COMPLIANT
    And the annotation is "This Amazon SageMaker Notebook Instance has direct internet access."

  Scenario: At least one Amazon SageMaker notebook instance exists (Scenario 3)
    # engineers: Given at least one Amazon SageMaker notebook instance exists
    Given a notebook instance in "NotebookInstances[]" listed by "sagemaker.list_notebook_instances"
    # engineers: And directInternetAccess is set to Disabled for the Amazon SageMaker notebook instance
    And "sagemaker.describe_notebook_instance" for that notebook instance returns "DirectInternetAccess" Disabled
    Then the rule returns COMPLIANT
