@control:SageMaker.2 @severity:high @resource:AWS::SageMaker::NotebookInstance @category:network-exposure
Feature: SAGEMAKER_NOTEBOOK_INSTANCE_INSIDE_VPC
  Description: SageMaker notebook instances must be launched into a subnet of a customer VPC so that their network traffic is governed by the customer's security groups, routes and endpoints.
  Trigger: Configuration changes
  Reports on: AWS::SageMaker::NotebookInstance
  Rule Parameters: None

  Scenario: No notebook instances exist
    Given "sagemaker.list_notebook_instances" returns an empty "NotebookInstances[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: The notebook instance has no subnet
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "SubnetId" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: The notebook instance runs in a customer VPC subnet with security groups
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "SubnetId" is set
    And its "SecurityGroups" is not empty
    Then the rule returns COMPLIANT

  Scenario: A notebook instance that is being deleted is not evaluated
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "NotebookInstanceStatus" is "Deleting"
    Then the rule returns NOT_APPLICABLE
