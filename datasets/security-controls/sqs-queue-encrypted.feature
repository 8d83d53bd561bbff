@control:SQS.1 @severity:medium @resource:AWS::SQS::Queue @category:encryption-at-rest
Feature: SQS_QUEUE_ENCRYPTED
  Description: Amazon SQS queues must encrypt messages at rest, with SQS-managed keys (SSE-SQS) or an AWS KMS key (SSE-KMS).
  Trigger: Configuration changes
  Reports on: AWS::SQS::Queue
  Rule Parameters: None

  Scenario: No queues exist
    Given "sqs.list_queues", paged with "NextToken" until it is not set, returns no "QueueUrls[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: The queue is not encrypted
    Given a queue URL from "QueueUrls[]" of "sqs.list_queues"
    And "sqs.get_queue_attributes" for that queue with AttributeNames All returns an "Attributes{}"
    And the "Attributes{}" value of KmsMasterKeyId is not set
    And the "Attributes{}" value of SqsManagedSseEnabled is false
    Then the rule returns NON_COMPLIANT
    And the annotation is "Queue is not encrypted at rest"

  Scenario: The queue uses SQS-managed encryption
    Given "sqs.get_queue_attributes" returns an "Attributes{}"
    And the "Attributes{}" value of SqsManagedSseEnabled is true
    Then the rule returns COMPLIANT

  Scenario: The queue uses a KMS key
    Given "sqs.get_queue_attributes" returns an "Attributes{}"
    And the "Attributes{}" value of KmsMasterKeyId is not empty
    Then the rule returns COMPLIANT
