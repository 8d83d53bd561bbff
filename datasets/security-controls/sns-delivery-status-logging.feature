@control:SNS.2 @severity:medium @resource:AWS::SNS::Topic @category:logging
Feature: SNS_TOPIC_MESSAGE_DELIVERY_NOTIFICATION_ENABLED
  Description: Amazon SNS topics must log the delivery status of notification messages to CloudWatch Logs for at least one supported endpoint protocol, so failed deliveries can be detected.
  Trigger: Configuration changes
  Reports on: AWS::SNS::Topic
  Rule Parameters: None

  Scenario: No topics exist
    Given "sns.list_topics", paged with "NextToken" until it is not set, returns an empty "Topics[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: No delivery status logging is configured
    Given a topic listed in "Topics[].TopicArn" by "sns.list_topics"
    And "sns.get_topic_attributes" for that topic returns an "Attributes{}"
    And the "Attributes{}" value of HTTPSuccessFeedbackRoleArn is not set
    And the "Attributes{}" value of HTTPFailureFeedbackRoleArn is not set
    And the "Attributes{}" value of LambdaSuccessFeedbackRoleArn is not set
    And the "Attributes{}" value of LambdaFailureFeedbackRoleArn is not set
    And the "Attributes{}" value of SQSSuccessFeedbackRoleArn is not set
    And the "Attributes{}" value of SQSFailureFeedbackRoleArn is not set
    And the "Attributes{}" value of ApplicationSuccessFeedbackRoleArn is not set
    And the "Attributes{}" value of ApplicationFailureFeedbackRoleArn is not set
    And the "Attributes{}" value of FirehoseSuccessFeedbackRoleArn is not set
    And the "Attributes{}" value of FirehoseFailureFeedbackRoleArn is not set
    Then the rule returns NON_COMPLIANT
    And the annotation is "Delivery status logging is not enabled"

  Scenario: Only a sample rate is set, without an IAM role
    Given "sns.get_topic_attributes" returns an "Attributes{}"
    And the "Attributes{}" value of SQSSuccessFeedbackSampleRate is 100
    And the "Attributes{}" value of HTTPSuccessFeedbackRoleArn is not set
    And the "Attributes{}" value of HTTPFailureFeedbackRoleArn is not set
    And the "Attributes{}" value of LambdaSuccessFeedbackRoleArn is not set
    And the "Attributes{}" value of LambdaFailureFeedbackRoleArn is not set
    And the "Attributes{}" value of SQSSuccessFeedbackRoleArn is not set
    And the "Attributes{}" value of SQSFailureFeedbackRoleArn is not set
    And the "Attributes{}" value of ApplicationSuccessFeedbackRoleArn is not set
    And the "Attributes{}" value of ApplicationFailureFeedbackRoleArn is not set
    And the "Attributes{}" value of FirehoseSuccessFeedbackRoleArn is not set
    And the "Attributes{}" value of FirehoseFailureFeedbackRoleArn is not set
    Then the rule returns NON_COMPLIANT

  Scenario: Delivery status logging is configured for a protocol
    Given "sns.get_topic_attributes" returns an "Attributes{}"
    And the "Attributes{}" value of LambdaFailureFeedbackRoleArn starts with arn:aws:iam::
    Then the rule returns COMPLIANT
