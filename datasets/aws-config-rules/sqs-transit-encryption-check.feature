@control:none @severity:medium @resource:AWS::SQS::Queue @category:encryption-in-transit
Feature: SQS_TRANSIT_ENCRYPTION_CHECK
  Description: Check whether SQS queue has encryption in transit queue access policy enforced.
  Trigger: Periodic
  Reports on: AWS::SQS::Queue
  Rule Parameters: queueNameStartsWith (string, optional, default none): Specify your SQS queue names to check for. Starting SQS queue names will suffice. For example, your SQS queue names are "processimages" and "extractdocs". You can specify process, extract as the value for QueueNameStartsWith

  Background:
    Given the rule's code calls "sqs.list_queues"
    And the rule's code calls "sqs.get_queue_attributes"

  Scenario: Rules parameter is provided and it contains a parameter key other than QueueNameStartsWith
    # engineers: Given rules parameter is provided | And it contains a parameter key other than QueueNameStartsWith
    Given the rule parameter "queueNameStartsWith" is not set
    Then the rule returns ERROR

  Scenario: Rules parameter is provided and there is no value specified for QueueNameStartsWith
    # engineers: Given rules parameter is provided
    Given the rule parameter "queueNameStartsWith" is set
    # engineers: And there is no value specified for QueueNameStartsWith
    And the rule parameter "queueNameStartsWith" is ""
    And a queue in "QueueUrls[]" listed by "sqs.list_queues"
    And the "Attributes{}" value of Policy document has a statement with Condition Bool aws:SecureTransport true
    Then the rule returns COMPLIANT
    And the annotation is "if SQS queues have encryption in transit queue access policy enforced. Otherwise, return NON_COMPLIANT"

  Scenario: Rules parameter is provided and starting SQS queue names values are provided
    # engineers: Given rules parameter is provided and starting SQS queue names values are provided
    Given the rule parameter "queueNameStartsWith" is not ""
    # engineers: And checks SQS queue names that match the specified starting SQS queue names in QueueNameStartsWith
    And a queue in "QueueUrls[]" listed by "sqs.list_queues"
    And the "Attributes{}" value of Policy document has a statement with Condition Bool aws:SecureTransport true
    Then the rule returns COMPLIANT
    And the annotation is "if SQS queues have encryption in transit queue access policy enforced. Otherwise, return NON_COMPLIANT"
