@control:none @severity:medium @resource:AWS::SageMaker::TrainingJob @category:network-exposure
Feature: SAGEMAKER_TRAINING_JOB_NETWORK_ISOLATION_ENABLED
  Description: SageMaker training jobs must run their containers with network isolation, so that training code cannot make outbound network calls.
  Trigger: Periodic
  Reports on: AWS::SageMaker::TrainingJob
  Rule Parameters: None

  Scenario: No training jobs exist
    Given "sagemaker.list_training_jobs" returns an empty "TrainingJobSummaries[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: Network isolation is disabled
    Given a training job named in "TrainingJobSummaries[].TrainingJobName" by "sagemaker.list_training_jobs"
    And "sagemaker.describe_training_job" for that name returns "EnableNetworkIsolation" false
    Then the rule returns NON_COMPLIANT

  Scenario: Network isolation is absent from the response
    Given a training job described by "sagemaker.describe_training_job"
    And its "EnableNetworkIsolation" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: A job in a VPC without network isolation is still non-compliant
    Given a training job described by "sagemaker.describe_training_job"
    And its "VpcConfig.Subnets" is not empty
    And its "EnableNetworkIsolation" is false
    Then the rule returns NON_COMPLIANT

  Scenario: Network isolation is enabled
    Given a training job described by "sagemaker.describe_training_job"
    And its "EnableNetworkIsolation" is true
    Then the rule returns COMPLIANT
