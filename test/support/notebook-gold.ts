/** The canonical example control of ARCHITECTURE.md, shared by tests that need one small valid gold. */

/** A valid three-scenario gold gherkin (SageMaker.1, notebook direct internet access). */
export const NOTEBOOK_GOLD = `@control:SageMaker.1 @severity:high @resource:AWS::SageMaker::NotebookInstance @category:network-exposure
Feature: SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS
  Description: SageMaker notebook instances must not have direct internet access.
  Trigger: Periodic
  Reports on: AWS::SageMaker::NotebookInstance
  Rule Parameters: None

  Scenario: No notebook instances exist
    Given "sagemaker.list_notebook_instances" returns no notebook instances
    Then the rule returns NOT_APPLICABLE

  Scenario: Direct internet access is enabled
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "DirectInternetAccess" is "Enabled"
    Then the rule returns NON_COMPLIANT

  Scenario: Direct internet access is disabled
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "DirectInternetAccess" is "Disabled"
    Then the rule returns COMPLIANT
`;
