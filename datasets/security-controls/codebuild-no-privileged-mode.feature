@control:CodeBuild.5 @severity:high @resource:AWS::CodeBuild::Project @category:access-control
Feature: CODEBUILD_PROJECT_ENVIRONMENT_PRIVILEGED_CHECK
  Description: CodeBuild project build environments must not run in privileged mode, which gives build containers access to the Docker daemon and host devices.
  Trigger: Configuration changes
  Reports on: AWS::CodeBuild::Project
  Rule Parameters: None

  Scenario: No projects exist
    Given "codebuild.list_projects", paged with "nextToken" until it is not set, returns an empty "projects[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: The build environment is privileged
    Given a project named in "projects[]" of "codebuild.list_projects"
    And "codebuild.batch_get_projects" for at most 100 names at a time returns "projects[].environment.privilegedMode" true
    Then the rule returns NON_COMPLIANT
    And the annotation is "Build environment runs in privileged mode"

  Scenario: The build environment is not privileged
    Given a project returned by "codebuild.batch_get_projects" whose "projects[].environment.privilegedMode" is false
    Then the rule returns COMPLIANT

  Scenario: The privileged flag is absent
    Given a project returned by "codebuild.batch_get_projects" with no "projects[].environment.privilegedMode"
    Then the rule returns COMPLIANT
