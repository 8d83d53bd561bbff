@control:ECR.2 @severity:medium @resource:AWS::ECR::Repository @category:access-control
Feature: ECR_PRIVATE_TAG_IMMUTABILITY_ENABLED
  Description: Private Amazon ECR repositories must make image tags immutable, so a pushed tag can never be re-pointed to a different (possibly malicious) image.
  Trigger: Configuration changes
  Reports on: AWS::ECR::Repository
  Rule Parameters: None

  Scenario: No private repositories exist
    Given "ecr.describe_repositories", paged with "nextToken" until it is not set, returns an empty "repositories[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: Tags are mutable
    Given a repository returned by "ecr.describe_repositories"
    And its "repositories[].imageTagMutability" is "MUTABLE"
    Then the rule returns NON_COMPLIANT
    And the annotation is "Image tags can be overwritten"

  Scenario: Tags are immutable
    Given a repository returned by "ecr.describe_repositories"
    And its "repositories[].imageTagMutability" is "IMMUTABLE"
    Then the rule returns COMPLIANT
