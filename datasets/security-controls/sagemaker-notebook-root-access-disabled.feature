@control:SageMaker.3 @severity:high @resource:AWS::SageMaker::NotebookInstance @category:access-control
Feature: SAGEMAKER_NOTEBOOK_INSTANCE_ROOT_ACCESS_CHECK
  Description: Users of SageMaker notebook instances must not be given root access on the instance.
  Trigger: Configuration changes
  Reports on: AWS::SageMaker::NotebookInstance
  Rule Parameters: None

  Scenario: No notebook instances exist
    Given "sagemaker.list_notebook_instances" returns an empty "NotebookInstances[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: Root access is enabled
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "RootAccess" is "Enabled"
    Then the rule returns NON_COMPLIANT

  Scenario: Root access is not returned, so the service default of enabled applies
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "RootAccess" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: Root access is disabled
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "RootAccess" is "Disabled"
    Then the rule returns COMPLIANT
