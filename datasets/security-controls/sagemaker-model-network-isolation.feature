@control:none @severity:medium @resource:AWS::SageMaker::Model @category:network-exposure
Feature: SAGEMAKER_MODEL_ISOLATION_ENABLED
  Description: SageMaker models must be created with network isolation, so that inference containers cannot make outbound network calls.
  Trigger: Configuration changes
  Reports on: AWS::SageMaker::Model
  Rule Parameters: None

  Scenario: No models exist
    Given "sagemaker.list_models" returns an empty "Models[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: Network isolation is disabled
    Given a model named in "Models[].ModelName" by "sagemaker.list_models"
    And "sagemaker.describe_model" for that name returns "EnableNetworkIsolation" false
    Then the rule returns NON_COMPLIANT

  Scenario: Network isolation is not returned
    Given a model described by "sagemaker.describe_model"
    And its "EnableNetworkIsolation" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: Network isolation is enabled
    Given a model described by "sagemaker.describe_model"
    And its "EnableNetworkIsolation" is true
    Then the rule returns COMPLIANT
