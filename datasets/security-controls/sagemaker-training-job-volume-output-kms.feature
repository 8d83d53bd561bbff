@control:none @severity:medium @resource:AWS::SageMaker::TrainingJob @category:encryption-at-rest
Feature: SAGEMAKER_TRAINING_JOB_VOLUME_AND_OUTPUT_KMS_ENCRYPTION
  Description: SageMaker training jobs must encrypt both the ML storage volumes of the training instances and the model artifacts written to Amazon S3 with AWS KMS keys.
  Trigger: Periodic
  Reports on: AWS::SageMaker::TrainingJob
  Rule Parameters: None

  Scenario: No training jobs exist
    Given "sagemaker.list_training_jobs" returns an empty "TrainingJobSummaries[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: The training volume has no KMS key
    Given a training job described by "sagemaker.describe_training_job"
    And its "ResourceConfig.VolumeKmsKeyId" is not set
    And its "OutputDataConfig.KmsKeyId" is set
    And its "ResourceConfig.InstanceType" is not "ml.g4dn.xlarge"
    Then the rule returns NON_COMPLIANT

  Scenario: The model output has no KMS key
    Given a training job described by "sagemaker.describe_training_job"
    And its "ResourceConfig.VolumeKmsKeyId" is set
    And its "OutputDataConfig.KmsKeyId" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: Both the volume and the output are encrypted with KMS keys
    Given a training job described by "sagemaker.describe_training_job"
    And its "ResourceConfig.VolumeKmsKeyId" is set
    And its "OutputDataConfig.KmsKeyId" is set
    Then the rule returns COMPLIANT

  Scenario: A job whose instance types use NVMe instance storage is judged on its output key only
    Given a training job described by "sagemaker.describe_training_job"
    And its "ResourceConfig.InstanceType" is "ml.g4dn.xlarge"
    And its "ResourceConfig.VolumeKmsKeyId" is not set
    And its "OutputDataConfig.KmsKeyId" is set
    Then the rule returns COMPLIANT
