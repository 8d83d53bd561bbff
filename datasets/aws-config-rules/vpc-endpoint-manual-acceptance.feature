@control:none @severity:medium @resource:AWS::EC2::VPCEndpointService @category:network-exposure
Feature: VPC_ENDPOINT_MANUAL_ACCEPTANCE
  Description: Checks whether the VPC Endpoint Service is configured for Manual Acceptance. The rule is NON_COMPLIANT if VPC Endpoint Service is configured to accept Endpoint requests automatically.
  Trigger: Periodic
  Reports on: AWS::EC2::VPCEndpointService
  Rule Parameters: None

  Background:
    Given the rule's code calls "ec2.describe_vpc_endpoint_services"

  Scenario: No customer-owned VPC Endpoint Service is present
    # engineers: Given no customer-owned VPC Endpoint Service is present.
    Given every "ServiceDetails[].Owner" is amazon
    Then the rule returns NOT_APPLICABLE

  Scenario: At least one customer-owned VPC Endpoint Service is present
    # engineers: Given at least one customer-owned VPC Endpoint Service is present.
    Given a VPC endpoint service in "ServiceDetails[]" returned by "ec2.describe_vpc_endpoint_services" whose "ServiceDetails[].Owner" is not amazon
    # engineers: And "AcceptanceRequired" Key is set to False on DescribeVpcEndpoints.
    And its "ServiceDetails[].AcceptanceRequired" is false
    Then the rule returns NON_COMPLIANT

  Scenario: At least one customer-owned VPC Endpoint Service is present (Scenario 3)
    # engineers: Given at least one customer-owned VPC Endpoint Service is present.
    Given a VPC endpoint service in "ServiceDetails[]" returned by "ec2.describe_vpc_endpoint_services" whose "ServiceDetails[].Owner" is not amazon
    # engineers: And "AcceptanceRequired" Key is set to True on DescribeVpcEndpoints.
    And its "ServiceDetails[].AcceptanceRequired" is true
    Then the rule returns COMPLIANT
