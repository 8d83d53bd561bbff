@control:Kinesis.1 @severity:medium @resource:AWS::Kinesis::Stream @category:encryption-at-rest
Feature: KINESIS_STREAM_ENCRYPTED
  Description: Kinesis data streams must use server-side encryption with an AWS KMS key, so records are encrypted before they are written to the stream storage layer.
  Trigger: Configuration changes
  Reports on: AWS::Kinesis::Stream
  Rule Parameters: None

  Scenario: No streams exist
    Given "kinesis.list_streams", paged with "NextToken" while "HasMoreStreams" is true, returns an empty "StreamSummaries[]"
    Then the rule returns NOT_APPLICABLE

  Scenario: The stream is not encrypted
    Given a stream from "StreamSummaries[].StreamName" of "kinesis.list_streams"
    And "kinesis.describe_stream_summary" returns "StreamDescriptionSummary.EncryptionType" "NONE"
    Then the rule returns NON_COMPLIANT
    And the annotation is "Server-side encryption is not enabled"

  Scenario: The encryption type is absent
    Given "kinesis.describe_stream_summary" returns no "StreamDescriptionSummary.EncryptionType"
    Then the rule returns NON_COMPLIANT

  Scenario: The stream is encrypted with KMS
    Given "kinesis.describe_stream_summary" returns "StreamDescriptionSummary.EncryptionType" "KMS"
    And its "StreamDescriptionSummary.KeyId" is set
    Then the rule returns COMPLIANT
