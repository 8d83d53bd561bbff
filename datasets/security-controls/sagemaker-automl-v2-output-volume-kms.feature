@control:none @severity:medium @resource:AWS::SageMaker::AutoMLJob @category:encryption-at-rest
Feature: SAGEMAKER_AUTOML_V2_JOB_KMS_ENCRYPTION
  Description: SageMaker Autopilot (AutoML V2) jobs must encrypt their output artifacts in Amazon S3 and the storage volumes of the processing and training instances they launch with customer managed AWS KMS keys.
  Trigger: Periodic
  Reports on: AWS::SageMaker::AutoMLJob
  Rule Parameters: None

  Scenario: No AutoML jobs exist
    Given "sagemaker.list_auto_ml_jobs" returns an empty "AutoMLJobSummaries[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: The output location has no KMS key
    Given an AutoML job named in "AutoMLJobSummaries[].AutoMLJobName" by "sagemaker.list_auto_ml_jobs"
    And "sagemaker.describe_auto_ml_job_v2" for that name returns no "OutputDataConfig.KmsKeyId"
    And its "SecurityConfig.VolumeKmsKeyId" is set
    Then the rule returns NON_COMPLIANT

  Scenario: The job has no security configuration at all
    Given an AutoML job described by "sagemaker.describe_auto_ml_job_v2"
    And its "OutputDataConfig.KmsKeyId" is set
    And its "SecurityConfig" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: The security configuration has no volume key
    Given an AutoML job described by "sagemaker.describe_auto_ml_job_v2"
    And its "OutputDataConfig.KmsKeyId" is set
    And its "SecurityConfig.VolumeKmsKeyId" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: Output and volumes are encrypted with KMS keys
    Given an AutoML job described by "sagemaker.describe_auto_ml_job_v2"
    And its "OutputDataConfig.KmsKeyId" is set
    And its "SecurityConfig.VolumeKmsKeyId" is set
    Then the rule returns COMPLIANT
