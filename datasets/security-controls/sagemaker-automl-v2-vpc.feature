@control:none @severity:high @resource:AWS::SageMaker::AutoMLJob @category:network-exposure
Feature: SAGEMAKER_AUTOML_V2_JOB_IN_VPC
  Description: SageMaker Autopilot (AutoML V2) jobs must run the jobs they launch inside a customer VPC, with at least one subnet and one security group.
  Trigger: Periodic
  Reports on: AWS::SageMaker::AutoMLJob
  Rule Parameters: None

  Scenario: No AutoML jobs exist
    Given "sagemaker.list_auto_ml_jobs" returns an empty "AutoMLJobSummaries[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: The job has no VPC configuration
    Given an AutoML job named in "AutoMLJobSummaries[].AutoMLJobName" by "sagemaker.list_auto_ml_jobs"
    And "sagemaker.describe_auto_ml_job_v2" for that name returns no "SecurityConfig.VpcConfig"
    Then the rule returns NON_COMPLIANT

  Scenario: The VPC configuration has no subnets
    Given an AutoML job described by "sagemaker.describe_auto_ml_job_v2"
    And its "SecurityConfig.VpcConfig.Subnets" is empty
    Then the rule returns NON_COMPLIANT

  Scenario: The job runs in VPC subnets with security groups
    Given an AutoML job described by "sagemaker.describe_auto_ml_job_v2"
    And its "SecurityConfig.VpcConfig.Subnets" is not empty
    And its "SecurityConfig.VpcConfig.SecurityGroupIds" is not empty
    Then the rule returns COMPLIANT
