@control:none @severity:medium @resource:AWS::SageMaker::AutoMLJob @category:encryption-in-transit
Feature: SAGEMAKER_AUTOML_V2_JOB_INTER_CONTAINER_TRAFFIC_ENCRYPTION
  Description: SageMaker Autopilot (AutoML V2) jobs must encrypt the traffic between the containers of the training and processing jobs they run.
  Trigger: Periodic
  Reports on: AWS::SageMaker::AutoMLJob
  Rule Parameters: None

  Scenario: No AutoML jobs exist
    Given "sagemaker.list_auto_ml_jobs" returns an empty "AutoMLJobSummaries[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: The job has no security configuration
    Given an AutoML job named in "AutoMLJobSummaries[].AutoMLJobName" by "sagemaker.list_auto_ml_jobs"
    And "sagemaker.describe_auto_ml_job_v2" for that name returns no "SecurityConfig"
    Then the rule returns NON_COMPLIANT

  Scenario: Inter-container traffic encryption is disabled
    Given an AutoML job described by "sagemaker.describe_auto_ml_job_v2"
    And its "SecurityConfig.EnableInterContainerTrafficEncryption" is false
    Then the rule returns NON_COMPLIANT

  Scenario: Inter-container traffic encryption is enabled
    Given an AutoML job described by "sagemaker.describe_auto_ml_job_v2"
    And its "SecurityConfig.EnableInterContainerTrafficEncryption" is true
    Then the rule returns COMPLIANT
