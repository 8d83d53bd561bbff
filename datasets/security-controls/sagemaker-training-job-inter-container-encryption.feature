@control:none @severity:medium @resource:AWS::SageMaker::TrainingJob @category:encryption-in-transit
Feature: SAGEMAKER_TRAINING_JOB_INTER_CONTAINER_TRAFFIC_ENCRYPTION
  Description: SageMaker training jobs must have inter-container traffic encryption enabled, so that data exchanged between training instances during distributed training is encrypted.
  Trigger: Periodic
  Reports on: AWS::SageMaker::TrainingJob
  Rule Parameters: None

  Scenario: No training jobs exist
    Given "sagemaker.list_training_jobs" returns an empty "TrainingJobSummaries[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: A multi-instance training job does not encrypt inter-container traffic
    Given a training job named in "TrainingJobSummaries[].TrainingJobName" by "sagemaker.list_training_jobs"
    And "sagemaker.describe_training_job" for that name returns "ResourceConfig.InstanceCount" as 2
    And its "EnableInterContainerTrafficEncryption" is false
    Then the rule returns NON_COMPLIANT

  Scenario: The encryption flag is absent from the response
    Given a training job described by "sagemaker.describe_training_job"
    And its "EnableInterContainerTrafficEncryption" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: Inter-container traffic encryption is enabled
    Given a training job described by "sagemaker.describe_training_job"
    And its "EnableInterContainerTrafficEncryption" is true
    Then the rule returns COMPLIANT

  Scenario: Training jobs on later pages are evaluated
    Given "sagemaker.list_training_jobs" returns a "NextToken"
    And a job on the next page is described by "sagemaker.describe_training_job" with "EnableInterContainerTrafficEncryption" false
    Then the rule returns NON_COMPLIANT
