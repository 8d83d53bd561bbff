@control:ECR.1 @severity:high @resource:AWS::ECR::Repository @category:monitoring
Feature: ECR_PRIVATE_IMAGE_SCANNING_ENABLED
  Description: Private Amazon ECR repositories must have images scanned for vulnerabilities automatically, on push or continuously, by a repository setting or by a registry scanning rule that matches the repository.
  Trigger: Configuration changes
  Reports on: AWS::ECR::Repository
  Rule Parameters: None

  Scenario: No private repositories exist
    Given "ecr.describe_repositories", paged with "nextToken" until it is not set, returns an empty "repositories[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: Images are only scanned manually
    Given a repository returned by "ecr.describe_repositories"
    And "ecr.batch_get_repository_scanning_configuration" for its "repositories[].repositoryName" returns "scanningConfigurations[].scanFrequency" "MANUAL"
    And "scanningConfigurations[].appliedScanFilters[]" is empty
    Then the rule returns NON_COMPLIANT
    And the annotation is "Repository images are not scanned on push or continuously"

  Scenario: Scan on push is off and no registry rule applies
    Given a repository returned by "ecr.describe_repositories" whose "repositories[].imageScanningConfiguration.scanOnPush" is false
    And "ecr.get_registry_scanning_configuration" returns an empty "scanningConfiguration.rules[]" list
    Then the rule returns NON_COMPLIANT

  Scenario: The repository scans on push
    Given a repository returned by "ecr.describe_repositories" whose "repositories[].imageScanningConfiguration.scanOnPush" is true
    And "ecr.batch_get_repository_scanning_configuration" returns "scanningConfigurations[].scanFrequency" "SCAN_ON_PUSH"
    Then the rule returns COMPLIANT

  Scenario: Enhanced continuous scanning covers the repository through a registry rule
    Given "ecr.get_registry_scanning_configuration" returns "scanningConfiguration.scanType" "ENHANCED"
    And some "scanningConfiguration.rules[].repositoryFilters[].filter" of the entries whose "scanningConfiguration.rules[].scanFrequency" is CONTINUOUS_SCAN is *
    And "ecr.batch_get_repository_scanning_configuration" for the repository returns "scanningConfigurations[].scanFrequency" "CONTINUOUS_SCAN"
    Then the rule returns COMPLIANT
