@control:none @severity:medium @resource:AWS::SageMaker::EndpointConfig @category:resilience
Feature: SAGEMAKER_ENDPOINT_CONFIG_PROD_INSTANCE_COUNT
  Description: Every instance-backed production variant of a SageMaker endpoint configuration must start with more than one instance so that SageMaker can spread the variant across Availability Zones.
  Trigger: Configuration changes
  Reports on: AWS::SageMaker::EndpointConfig
  Rule Parameters: None

  Scenario: No endpoint configurations exist
    Given "sagemaker.list_endpoint_configs" returns an empty "EndpointConfigs[]" list and no "NextToken"
    Then the rule returns NOT_APPLICABLE

  Scenario: A production variant starts with a single instance
    Given an endpoint configuration described by "sagemaker.describe_endpoint_config"
    And one of its "ProductionVariants[].InitialInstanceCount" values is 1
    Then the rule returns NON_COMPLIANT

  Scenario: Every production variant starts with two or more instances
    Given an endpoint configuration described by "sagemaker.describe_endpoint_config"
    And every "ProductionVariants[].InitialInstanceCount" is 2 or more
    Then the rule returns COMPLIANT

  Scenario: All production variants are serverless
    Given an endpoint configuration described by "sagemaker.describe_endpoint_config"
    And every "ProductionVariants[].ServerlessConfig" is set
    And every "ProductionVariants[].InitialInstanceCount" is not set
    Then the rule returns NOT_APPLICABLE

  Scenario: Shadow variants do not make a single-instance production variant compliant
    Given an endpoint configuration described by "sagemaker.describe_endpoint_config"
    And the number of "ProductionVariants[]" is 1
    And every "ProductionVariants[].InitialInstanceCount" is 1
    And its "ShadowProductionVariants[].InitialInstanceCount" is 3
    Then the rule returns NON_COMPLIANT
