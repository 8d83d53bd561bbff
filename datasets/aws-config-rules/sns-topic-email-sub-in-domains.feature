@control:none @severity:medium @resource:AWS::SNS::Topic @category:monitoring
Feature: SNS_TOPIC_EMAIL_SUB_IN_DOMAINS
  Description: Check whether the emails - subscribed to SNS topics - are from specified domains. The rule is NON_COMPLAINT if the email domains from a subscription with email or email-json protocols are not on the specified domains.
  Trigger: Periodic
  Reports on: AWS::SNS::Topic
  Rule Parameters: domainNames (string, required, default none): Comma-separated list of authorized domainNames (without the @, i.e. example.com,example2.com).

  Background:
    Given the rule's code calls "sns.list_subscriptions"

  Scenario: The Rule parameter domainNames is not provided or not valid
    # engineers: Given the Rule parameter domainNames is not provided or not valid
    Given the rule parameter "domainNames" is not a valid list of domain names
    Then the rule returns ERROR

  Scenario: There is no SNS Topic in the AWS Account
    # engineers: Given there is no SNS Topic in the AWS Account
    Given "sns.list_subscriptions" returns an empty "Subscriptions[]" list
    Then the rule returns NOT_APPLICABLE

  Scenario: At least 1 SNS Topic is present in the AWS Account
    # engineers: Given at least 1 SNS Topic is present in the AWS Account
    Given a subscription in "Subscriptions[]" listed by "sns.list_subscriptions"
    # engineers: And the parameter domainNames is configured and valid
    And the rule parameter "domainNames" is set
    # engineers: And there is no email or email-json as protocol on any given SNS Topic
    And no "Subscriptions[].Protocol" is one of email and email-json
    Then the rule returns NOT_APPLICABLE

  Scenario: At least 1 SNS Topic is present in the AWS Account (Scenario 4)
    # engineers: Given at least 1 SNS Topic is present in the AWS Account
    Given a subscription in "Subscriptions[]" listed by "sns.list_subscriptions"
    # engineers: And the parameter domainNames is configured and valid
    And the rule parameter "domainNames" is set
    # engineers: And at least one subscriber protocol is email or email-json
    And its "Subscriptions[].Protocol" is one of email and email-json
    # added, not an engineers' line: where no subscription has an e-mail protocol the NOT_APPLICABLE scenario decides first (precedence); this says so explicitly and decides no state differently
    And some "Subscriptions[].Protocol" is one of email and email-json
    # engineers: And at least one of the email address on the Endpoint is not from the specified domain (the rule's code reads the domain as the text after @ of the subscription's Endpoint)
    And the part of its "Subscriptions[].Endpoint" after @ is not in "domainNames"
    Then the rule returns NON_COMPLIANT

  Scenario: At least 1 SNS Topic is present in the AWS Account and all email addresses on the Endpoint are from the specified domain
    # engineers: Given at least 1 SNS Topic is present in the AWS Account
    Given a subscription in "Subscriptions[]" listed by "sns.list_subscriptions"
    # engineers: And the parameter domainNames is configured and valid
    And the rule parameter "domainNames" is set
    # engineers: And at least one subscriber protocol is email or email-json
    And its "Subscriptions[].Protocol" is one of email and email-json
    # added, not an engineers' line: where no subscription has an e-mail protocol the NOT_APPLICABLE scenario decides first (precedence); this says so explicitly and decides no state differently
    And some "Subscriptions[].Protocol" is one of email and email-json
    # engineers: And all email addresses on the Endpoint are from the specified domain (the rule's code reads the domain as the text after @ of the subscription's Endpoint)
    And the part of its "Subscriptions[].Endpoint" after @ is in "domainNames"
    Then the rule returns COMPLIANT
