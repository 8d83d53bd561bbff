@control:ECS.2 @severity:high @resource:AWS::ECS::Service @category:network-exposure
Feature: ECS_SERVICE_ASSIGN_PUBLIC_IP_DISABLED
  Description: Amazon ECS services that use awsvpc networking must not assign public IP addresses to their tasks automatically, unless the service is on an explicit exemption list.
  Trigger: Configuration changes
  Reports on: AWS::ECS::Service
  Rule Parameters: exemptEcsServiceArns (CSV, optional, default none): comma-separated ARNs of ECS services that may assign public IP addresses

  Scenario: No services exist
    Given a cluster in "clusterArns[]" returned by "ecs.list_clusters"
    And "ecs.list_services" for every cluster, paged with "nextToken", returns an empty "serviceArns[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: The service assigns public IP addresses
    Given a service returned by "ecs.describe_services"
    And its "services[].networkConfiguration.awsvpcConfiguration.assignPublicIp" is "ENABLED"
    And its "services[].serviceArn" is not in "exemptEcsServiceArns"
    Then the rule returns NON_COMPLIANT
    And the annotation is "Service tasks are assigned public IP addresses"

  Scenario: The service is exempted
    Given a service returned by "ecs.describe_services" whose "services[].networkConfiguration.awsvpcConfiguration.assignPublicIp" is "ENABLED"
    And its "services[].serviceArn" is listed in "exemptEcsServiceArns"
    Then the rule returns COMPLIANT

  Scenario: Public IP assignment is disabled
    Given a service returned by "ecs.describe_services"
    And its "services[].networkConfiguration.awsvpcConfiguration.assignPublicIp" is "DISABLED"
    Then the rule returns COMPLIANT

  Scenario: The service does not use awsvpc networking
    Given a service returned by "ecs.describe_services" with no "services[].networkConfiguration.awsvpcConfiguration"
    Then the rule returns NOT_APPLICABLE

  Scenario: An invalid rule parameter
    Given the rule parameter "exemptEcsServiceArns" is not a valid list of ECS service ARNs
    Then the rule returns ERROR
