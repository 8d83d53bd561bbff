@control:none @severity:medium @resource:AWS::SNS::Topic @category:encryption-at-rest
Feature: SNS_ENCRYPTED_TOPIC_CHECK
  Description: Checks whether the Amazon Simple Notification Service (SNS) topics are encrypted. The rule is NON_COMPLIANT if SNS topic is not encrypted or encrypted with a different key is specfied in the "kmsKeyId" parameter.
  Trigger: Periodic
  Reports on: AWS::SNS::Topic
  Rule Parameters: kmsKeyId (string, optional, default none): Comma-separated list of KMS keys ARN that should used to encrypt the Amazon Simple Notification Service

  Background:
    Given the rule's code calls "sns.get_topic_attributes"
    And the rule's code calls "sns.list_topics"

  Scenario: KmsKeyId parameter is configured and kmsKeyId does not contain valid KMS Key ARN(s)
    Given kmsKeyId parameter is configured
    And kmsKeyId does not contain valid KMS Key ARN(s)
    Then the rule returns ERROR

  Scenario: No SNS topic is present
    Given no SNS topic is present
    Then the rule returns NOT_APPLICABLE

  Scenario: There is at least 1 SNS topic and SNS topic is not encrypted
    Given there is at least 1 SNS topic
    And SNS topic is not encrypted
    Then the rule returns NON_COMPLIANT
    And the annotation is "The Amazon Simple Notification Service topic is not encrypted."

  Scenario: There is at least 1 SNS topic and SNS topic is encrypted and kmsKeyId parameter is not configured
    Given there is at least 1 SNS topic
    And SNS topic is encrypted
    And kmsKeyId parameter is not configured
    Then the rule returns COMPLIANT

  Scenario: There is at least 1 SNS topic and SNS topic encryption Key not matching any KMS key(s) in KmsKeyId
    Given there is at least 1 SNS topic
    And SNS topic is encrypted
    And kmsKeyId parameter is configured
    And SNS topic encryption Key not matching any KMS key(s) in KmsKeyId
    Then the rule returns NON_COMPLIANT
    And the annotation is "This SNS topic is not encrypted with KMS Key {KmsKeyId}."

  Scenario: There is at least 1 SNS topic and SNS topic encryption Key matching one of the KMS key in KmsKeyId
    Given there is at least 1 SNS topic
    And SNS topic is encrypted
    And kmsKeyId parameter is configured
    And SNS topic encryption Key matching one of the KMS key in KmsKeyId
    Then the rule returns COMPLIANT
