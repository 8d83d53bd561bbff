@control:SageMaker.1 @severity:high @resource:AWS::SageMaker::NotebookInstance @category:network-exposure
Feature: SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS
  Description: SageMaker notebook instances must reach the internet only through their VPC, never through the SageMaker-managed direct internet access.
  Trigger: Periodic
  Reports on: AWS::SageMaker::NotebookInstance
  Rule Parameters: None

  Scenario: No notebook instances exist in the account and Region
    Given "sagemaker.list_notebook_instances" returns an empty "NotebookInstances[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: Direct internet access is enabled
    Given a notebook instance listed in "NotebookInstances[].NotebookInstanceName" by "sagemaker.list_notebook_instances"
    And "sagemaker.describe_notebook_instance" for that name returns "DirectInternetAccess" as "Enabled"
    Then the rule returns NON_COMPLIANT

  Scenario: Direct internet access is disabled and the instance is in a VPC subnet
    Given a notebook instance listed in "NotebookInstances[].NotebookInstanceName" by "sagemaker.list_notebook_instances"
    And "sagemaker.describe_notebook_instance" for that name returns "DirectInternetAccess" as "Disabled"
    And its "SubnetId" is set
    Then the rule returns COMPLIANT

  Scenario: Instances on a later page are evaluated too
    Given "sagemaker.list_notebook_instances" returns a "NextToken"
    And "sagemaker.describe_notebook_instance" for a notebook instance on the next page returns "DirectInternetAccess" as "Enabled"
    Then the rule returns NON_COMPLIANT
