@control:none @severity:medium @resource:AWS::SageMaker::DataQualityJobDefinition @category:encryption-in-transit
Feature: SAGEMAKER_DATA_QUALITY_JOB_ENCRYPT_IN_TRANSIT
  Description: SageMaker Model Monitor data quality job definitions must encrypt the traffic between the containers of the monitoring jobs they run.
  Trigger: Configuration changes
  Reports on: AWS::SageMaker::DataQualityJobDefinition
  Rule Parameters: None

  Scenario: No data quality job definitions exist
    Given "sagemaker.list_data_quality_job_definitions" returns an empty "JobDefinitionSummaries[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: The job definition has no network configuration
    Given a job definition named in "JobDefinitionSummaries[].MonitoringJobDefinitionName" by "sagemaker.list_data_quality_job_definitions"
    And "sagemaker.describe_data_quality_job_definition" for that name returns no "NetworkConfig"
    Then the rule returns NON_COMPLIANT

  Scenario: Inter-container traffic encryption is disabled
    Given a job definition described by "sagemaker.describe_data_quality_job_definition"
    And its "NetworkConfig.EnableInterContainerTrafficEncryption" is false
    Then the rule returns NON_COMPLIANT

  Scenario: Inter-container traffic encryption is enabled
    Given a job definition described by "sagemaker.describe_data_quality_job_definition"
    And its "NetworkConfig.EnableInterContainerTrafficEncryption" is true
    Then the rule returns COMPLIANT
