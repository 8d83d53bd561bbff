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
    # engineers: Given kmsKeyId parameter is configured
    Given the rule parameter "kmsKeyId" is invalid
    # engineers: And kmsKeyId does not contain valid KMS Key ARN(s)
    And the rule parameter "kmsKeyId" is not a valid list of KMS key ARNs
    Then the rule returns ERROR

  Scenario: No SNS topic is present
    # engineers: Given no SNS topic is present
    Given "sns.list_topics" returns an empty "Topics[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: There is at least 1 SNS topic and SNS topic is not encrypted
    # engineers: Given there is at least 1 SNS topic
    Given a topic in "Topics[]" listed by "sns.list_topics"
    # engineers: And SNS topic is not encrypted
    And the "Attributes{}" value of KmsMasterKeyId is not set
    Then the rule returns NON_COMPLIANT
    And the annotation is "The Amazon Simple Notification Service topic is not encrypted."

  Scenario: There is at least 1 SNS topic and SNS topic is encrypted and kmsKeyId parameter is not configured
    # engineers: Given there is at least 1 SNS topic
    Given a topic in "Topics[]" listed by "sns.list_topics"
    # engineers: And SNS topic is encrypted
    And the "Attributes{}" value of KmsMasterKeyId is set
    # engineers: And kmsKeyId parameter is not configured
    And the rule parameter "kmsKeyId" is not set
    Then the rule returns COMPLIANT

  Scenario: There is at least 1 SNS topic and SNS topic encryption Key not matching any KMS key(s) in KmsKeyId
    # engineers: Given there is at least 1 SNS topic
    Given a topic in "Topics[]" listed by "sns.list_topics"
    # engineers: And SNS topic is encrypted
    And the "Attributes{}" value of KmsMasterKeyId is set
    # engineers: And kmsKeyId parameter is configured
    And the rule parameter "kmsKeyId" is set
    # engineers: And SNS topic encryption Key not matching any KMS key(s) in KmsKeyId
    And the "Attributes{}" value of KmsMasterKeyId is not in "kmsKeyId"
    Then the rule returns NON_COMPLIANT
    And the annotation is "This SNS topic is not encrypted with KMS Key {KmsKeyId}."

  Scenario: There is at least 1 SNS topic and SNS topic encryption Key matching one of the KMS key in KmsKeyId
    # engineers: Given there is at least 1 SNS topic
    Given a topic in "Topics[]" listed by "sns.list_topics"
    # engineers: And SNS topic is encrypted
    And the "Attributes{}" value of KmsMasterKeyId is set
    # engineers: And kmsKeyId parameter is configured
    And the rule parameter "kmsKeyId" is set
    # engineers: And SNS topic encryption Key matching one of the KMS key in KmsKeyId
    And the "Attributes{}" value of KmsMasterKeyId is in "kmsKeyId"
    Then the rule returns COMPLIANT
