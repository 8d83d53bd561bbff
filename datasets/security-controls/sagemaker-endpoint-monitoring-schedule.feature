@control:none @severity:low @resource:AWS::SageMaker::Endpoint @category:monitoring
Feature: SAGEMAKER_ENDPOINT_MONITORING_SCHEDULE_ACTIVE
  Description: Every in-service SageMaker endpoint must have at least one Model Monitor schedule that is actively scheduled, so that drift in data or model quality is detected.
  Trigger: Periodic
  Reports on: AWS::SageMaker::Endpoint
  Rule Parameters: None

  Scenario: No endpoints are in service
    Given "sagemaker.list_endpoints" returns no in-service endpoints
    Then the rule returns NOT_APPLICABLE

  Scenario: An in-service endpoint has no monitoring schedule
    Given an endpoint named in "Endpoints[].EndpointName" by "sagemaker.list_endpoints" whose "Endpoints[].EndpointStatus" is "InService"
    And "sagemaker.list_monitoring_schedules" for that endpoint name returns an empty "MonitoringScheduleSummaries[]" list
    Then the rule returns NON_COMPLIANT

  Scenario: The endpoint's only monitoring schedule is stopped
    Given an in-service endpoint named in "Endpoints[].EndpointName" by "sagemaker.list_endpoints"
    And "sagemaker.list_monitoring_schedules" for that endpoint returns "MonitoringScheduleSummaries[].MonitoringScheduleStatus" "Stopped"
    And the number of "MonitoringScheduleSummaries[]" is 1
    Then the rule returns NON_COMPLIANT

  Scenario: The endpoint has an active monitoring schedule
    Given an in-service endpoint named in "Endpoints[].EndpointName" by "sagemaker.list_endpoints"
    And "sagemaker.list_monitoring_schedules" for that endpoint returns "MonitoringScheduleSummaries[].MonitoringScheduleStatus" "Scheduled"
    Then the rule returns COMPLIANT

  Scenario: Schedules on later pages are considered
    Given "sagemaker.list_monitoring_schedules" for an in-service endpoint returns a "NextToken" with its first page
    And the next page has a schedule whose "MonitoringScheduleSummaries[].MonitoringScheduleStatus" is "Scheduled"
    Then the rule returns COMPLIANT
