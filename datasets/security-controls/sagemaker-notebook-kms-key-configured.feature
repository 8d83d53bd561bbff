@control:none @severity:medium @resource:AWS::SageMaker::NotebookInstance @category:encryption-at-rest
Feature: SAGEMAKER_NOTEBOOK_INSTANCE_KMS_KEY_CONFIGURED
  Description: The ML storage volume of every SageMaker notebook instance must be encrypted with a customer managed AWS KMS key, optionally one of an approved list.
  Trigger: Configuration changes
  Reports on: AWS::SageMaker::NotebookInstance
  Rule Parameters: keyArns (CSV, optional, default none): comma-separated KMS key ARNs; when given, the notebook's key must be one of these ARNs

  Scenario: No notebook instances exist
    Given "sagemaker.list_notebook_instances" returns an empty "NotebookInstances[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: The notebook instance has no KMS key
    Given a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "KmsKeyId" is not set
    Then the rule returns NON_COMPLIANT

  Scenario: A KMS key is set and no approved list is given
    Given the rule parameter "keyArns" is not set
    And a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "KmsKeyId" is set
    Then the rule returns COMPLIANT

  Scenario: The KMS key is not in the approved list
    Given the rule parameter "keyArns" lists arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
    And a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "KmsKeyId" is arn:aws:kms:us-east-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321
    Then the rule returns NON_COMPLIANT

  Scenario: The KMS key is in the approved list
    Given the rule parameter "keyArns" lists arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
    And a notebook instance described by "sagemaker.describe_notebook_instance"
    And its "KmsKeyId" is arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
    Then the rule returns COMPLIANT

  Scenario: The approved list contains a value that is not a KMS key ARN
    Given the rule parameter "keyArns" is alias/my-key
    Then the rule returns ERROR
