@control:SNS.1 @severity:medium @resource:AWS::SNS::Topic @category:encryption-at-rest
Feature: SNS_ENCRYPTED_KMS
  Description: Amazon SNS topics must encrypt published messages at rest with an AWS KMS key (server-side encryption).
  Trigger: Configuration changes
  Reports on: AWS::SNS::Topic
  Rule Parameters: None

  Scenario: No topics exist
    Given "sns.list_topics", paged with "NextToken" until it is not set, returns an empty "Topics[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: Server-side encryption is not configured
    Given a topic listed in "Topics[].TopicArn" by "sns.list_topics"
    And "sns.get_topic_attributes" for that topic returns an "Attributes{}"
    And the "Attributes{}" value of KmsMasterKeyId is not set
    Then the rule returns NON_COMPLIANT
    And the annotation is "Topic is not encrypted with a KMS key"

  Scenario: The KMS key attribute is empty
    Given "sns.get_topic_attributes" returns an "Attributes{}"
    And the "Attributes{}" value of KmsMasterKeyId is empty
    Then the rule returns NON_COMPLIANT

  Scenario: The topic uses the AWS managed key
    Given "sns.get_topic_attributes" returns an "Attributes{}"
    And the "Attributes{}" value of KmsMasterKeyId is alias/aws/sns
    Then the rule returns COMPLIANT

  Scenario: The topic uses a customer managed key
    Given "sns.get_topic_attributes" returns an "Attributes{}"
    And the "Attributes{}" value of KmsMasterKeyId starts with arn:aws:kms:
    Then the rule returns COMPLIANT
