@control:none @severity:low @resource:AWS::SageMaker::EndpointConfig @category:logging
Feature: SAGEMAKER_ENDPOINT_CONFIG_DATA_CAPTURE_ENABLED
  Description: SageMaker endpoint configurations must capture inference requests and responses to Amazon S3, encrypted with an AWS KMS key, so that inference traffic can be audited.
  Trigger: Configuration changes
  Reports on: AWS::SageMaker::EndpointConfig
  Rule Parameters: None

  Scenario: No endpoint configurations exist
    Given "sagemaker.list_endpoint_configs" returns an empty "EndpointConfigs[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: Data capture is not configured
    Given an endpoint configuration described by "sagemaker.describe_endpoint_config"
    And its "DataCaptureConfig" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: Data capture is configured but switched off
    Given an endpoint configuration described by "sagemaker.describe_endpoint_config"
    And its "DataCaptureConfig.EnableCapture" is false
    Then the rule returns NON_COMPLIANT

  Scenario: Data capture writes unencrypted captures
    Given an endpoint configuration described by "sagemaker.describe_endpoint_config"
    And its "DataCaptureConfig.EnableCapture" is true
    And its "DataCaptureConfig.KmsKeyId" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: Requests and responses are captured with a KMS key
    Given an endpoint configuration described by "sagemaker.describe_endpoint_config"
    And its "DataCaptureConfig.EnableCapture" is true
    And its "DataCaptureConfig.CaptureOptions[].CaptureMode" holds "Input" and "Output"
    And its "DataCaptureConfig.KmsKeyId" is set
    Then the rule returns COMPLIANT
