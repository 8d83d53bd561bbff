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
    And "sns.get_topic_attributes" returns "Attributes{}" with none of the keys HTTPSuccessFeedbackRoleArn, HTTPFailureFeedbackRoleArn, LambdaSuccessFeedbackRoleArn, LambdaFailureFeedbackRoleArn, SQSSuccessFeedbackRoleArn, SQSFailureFeedbackRoleArn, ApplicationSuccessFeedbackRoleArn, ApplicationFailureFeedbackRoleArn, FirehoseSuccessFeedbackRoleArn or FirehoseFailureFeedbackRoleArn
    Then the rule returns NON_COMPLIANT
    And the annotation is "Delivery status logging is not enabled"

  Scenario: Only a sample rate is set, without an IAM role
    Given "sns.get_topic_attributes" returns the "Attributes{}" key SQSSuccessFeedbackSampleRate with value 100
    And no "Attributes{}" key ending in FeedbackRoleArn
    Then the rule returns NON_COMPLIANT

  Scenario: Delivery status logging is configured for a protocol
    Given "sns.get_topic_attributes" returns an IAM role ARN as the "Attributes{}" value of LambdaFailureFeedbackRoleArn
    Then the rule returns COMPLIANT
