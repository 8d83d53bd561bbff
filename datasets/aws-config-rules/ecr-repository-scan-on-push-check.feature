@control:none @severity:medium @resource:AWS::ECR::Repository @category:monitoring
Feature: ECR_REPOSITORY_SCAN_ON_PUSH_CHECK
  Description: Checks whether Elastic Container Registry (ECR) repositories are configured to scan new images on push. The rule is NON_COMPLIANT if the ECR repository is not configured to scan images on push.
  Trigger: Periodic
  Reports on: AWS::ECR::Repository
  Rule Parameters: None

  Background:
    Given the rule's code calls "ecr.describe_repositories"

  Scenario: No ECR repository is present
    # engineers: Given no ECR repository is present
    Given "ecr.describe_repositories" returns an empty "repositories[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: There is at least 1 ECR repository and ECR repository is not configured to scan images on push
    # engineers: Given there is at least 1 ECR repository
    Given a repository in "repositories[]" returned by "ecr.describe_repositories"
    # engineers: And ECR repository is not configured to scan images on push
    And its "repositories[].imageScanningConfiguration.scanOnPush" is false
    Then the rule returns NON_COMPLIANT
    And the annotation is "The Amazon Elastic Container Registry repository is not configured to scan images on push."

  Scenario: There is at least 1 ECR repository and ECR repository is configured to scan images on push
    # engineers: Given there is at least 1 ECR repository
    Given a repository in "repositories[]" returned by "ecr.describe_repositories"
    # engineers: And ECR repository is configured to scan images on push
    And its "repositories[].imageScanningConfiguration.scanOnPush" is true
    Then the rule returns COMPLIANT
