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
    Given no Amazon SageMaker notebook instances exist
    Then the rule returns NOT_APPLICABLE

  Scenario: At least one Amazon SageMaker notebook instance exists
    Given at least one Amazon SageMaker notebook instance exists
    And directInternetAccess is set to Enabled for the Amazon SageMaker notebook instance
    Then the rule returns NON_COMPLIANT
    And the annotation is "This Amazon SageMaker Notebook Instance has direct internet access."

  Scenario: At least one Amazon SageMaker notebook instance exists (Scenario 3)
    Given at least one Amazon SageMaker notebook instance exists
    And directInternetAccess is set to Disabled for the Amazon SageMaker notebook instance
    Then the rule returns COMPLIANT
