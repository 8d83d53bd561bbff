/**
 * The step forms added by issue 14 (datasets/README.md "The step grammar"): each compiles on real
 * botocore calls and paths, decides states where it holds and where it does not, and a gold
 * written with it catches a candidate whose predicate is inverted.
 */
import { describe, expect, it } from 'vitest';
import { configurationItemCall } from '../../../src/knowledge/configuration-items.js';
import { decide } from '../../../src/scoring/behaviour/evaluate.js';
import { behaviourCheck } from '../../../src/scoring/behaviour/metric.js';
import type { MemberValue, ParamValue, State } from '../../../src/scoring/behaviour/model.js';
import { parseStatement } from '../../../src/scoring/behaviour/predicates.js';
import { compileText, goldItem } from '../fixtures.js';

/** A two-scenario control: the subject, then the NON_COMPLIANT steps and the COMPLIANT steps. */
function control(subject: string, violating: string[], compliant: string[], parameters = 'None'): string {
  const steps = (list: string[]) => list.map((s) => `    And ${s}`).join('\n');
  return `Feature: FORM_UNDER_TEST
  Description: A control written with one form of the step grammar.
  Rule Parameters: ${parameters}

  Scenario: The requirement is violated
    Given ${subject}
${steps(violating)}
    Then the rule returns NON_COMPLIANT

  Scenario: The requirement is met
    Given ${subject}
${steps(compliant)}
    Then the rule returns COMPLIANT
`;
}

const state = (members: [string, MemberValue | null][], params: [string, ParamValue][] = []): State => ({
  resource: true,
  members: new Map(members),
  errors: new Map(),
  params: new Map(params),
  seed: 3,
});

/** The behaviour score of a candidate against a gold. */
const behaviour = (gold: string, candidate: string) =>
  behaviourCheck()({ candidate, item: goldItem({ goldText: gold, gold: 'form.feature' }) });

/** The plain-words counterexamples of a behaviour score. */
const counterexampleTexts = (score: ReturnType<typeof behaviour>): string[] =>
  ((score.details?.counterexamples ?? []) as { text: string }[]).map((c) => c.text);

/** The gold scores 1 against itself; the candidate with the predicate inverted scores below 1. */
function expectInversionCaught(gold: string, inverted: string) {
  expect(inverted).not.toBe(gold);
  expect(behaviour(gold, gold).value).toBe(1);
  const score = behaviour(gold, inverted);
  expect(score.value).toBeLessThan(1);
  return score;
}

describe('form 1: a map entry by key', () => {
  const subject = 'a topic described by "sns.get_topic_attributes"';
  const gold = control(
    subject,
    ['its "Attributes{}" value of KmsMasterKeyId is not set'],
    ['its "Attributes{}" value of KmsMasterKeyId is set'],
  );
  const key = 'sns.get_topic_attributes:Attributes{KmsMasterKeyId}';

  it('reads the entry as its own member: an absent key is not set', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect([...model.members.keys()]).toEqual([key]);
    expect(decide(model, state([[key, null]]))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, 'alias/aws/sns']]))).toBe('COMPLIANT');
  });

  it('reads a member of a map of structures, with the entry key quoted or bare', () => {
    const domain = control(
      'a domain described by "opensearch.describe_domain"',
      ['the "DomainStatus.LogPublishingOptions{}.Enabled" value of "AUDIT_LOGS" is false'],
      ['the "DomainStatus.LogPublishingOptions{}.Enabled" value of AUDIT_LOGS is true'],
    );
    const model = compileText(domain);
    expect(model.unknown).toEqual([]);
    const audit = 'opensearch.describe_domain:DomainStatus.LogPublishingOptions{AUDIT_LOGS}.Enabled';
    expect(model.members.get(audit)).toEqual({ type: 'boolean' });
    expect(decide(model, state([[audit, false]]))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[audit, true]]))).toBe('COMPLIANT');
    expect(decide(model, state([[audit, null]]))).toBe('NONE');
  });

  it('compares the entry with a value and says a missing entry in plain words', () => {
    const aws = control(
      subject,
      ['its "Attributes{}" value of KmsMasterKeyId is not alias/aws/sns'],
      ['its "Attributes{}" value of KmsMasterKeyId is alias/aws/sns'],
    );
    const model = compileText(aws);
    expect(decide(model, state([[key, 'alias/aws/sns']]))).toBe('COMPLIANT');
    expect(decide(model, state([[key, 'alias/custom']]))).toBe('NON_COMPLIANT');
    const score = expectInversionCaught(gold, gold.replace('is not set', 'is set'));
    const texts = counterexampleTexts(score);
    expect(texts).toContain(
      'the Attributes{} value of KmsMasterKeyId is not set: gold NON_COMPLIANT, candidate no verdict',
    );
  });

  it('reports a step that names a member that is not a map', () => {
    const model = compileText(
      control(
        'a domain described by "opensearch.describe_domain"',
        ['its "DomainStatus.DomainName" value of x is set'],
        [],
      ),
    );
    expect(model.unknown.map((u) => u.reason)).toEqual([
      '"DomainStatus.DomainName" is not a map (write "Map{}" or "Map{}.Member")',
    ]);
  });
});

describe('form 2: a keyed list entry', () => {
  const subject = 'a load balancer described by "elbv2.describe_load_balancer_attributes"';
  const entry = 'the "Attributes[].Value" of the entry whose "Attributes[].Key" is deletion_protection.enabled';
  const gold = control(subject, [`${entry} is "false"`], [`${entry} is "true"`]);
  const key = 'elbv2.describe_load_balancer_attributes:Attributes[Key=deletion_protection.enabled].Value';

  it('reads the selected entry as its own member', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect([...model.members.keys()]).toEqual([key]);
    expect(decide(model, state([[key, 'false']]))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, 'true']]))).toBe('COMPLIANT');
    expect(decide(model, state([[key, null]]))).toBe('NONE');
  });

  it('tells one entry from another, and a missing entry from a set one', () => {
    const features = control(
      'a detector described by "guardduty.get_detector"',
      ['the "Features[].Status" of the entry whose "Features[].Name" is EKS_AUDIT_LOGS is not set'],
      ['the "Features[].Status" of the entry whose "Features[].Name" is EKS_AUDIT_LOGS is ENABLED'],
    );
    const model = compileText(features);
    expect(model.unknown).toEqual([]);
    const eks = 'guardduty.get_detector:Features[Name=EKS_AUDIT_LOGS].Status';
    expect(model.members.get(eks)?.enum).toEqual(['ENABLED', 'DISABLED']);
    expect(decide(model, state([[eks, null]]))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[eks, 'ENABLED']]))).toBe('COMPLIANT');
    expect(decide(model, state([[eks, 'DISABLED']]))).toBe('NONE');
  });

  it('catches the predicate inverted, naming the entry', () => {
    const score = expectInversionCaught(gold, gold.replace(`${entry} is "false"`, `${entry} is not "false"`));
    const texts = counterexampleTexts(score);
    expect(texts.join('\n')).toContain(
      'the Attributes[].Value of the entry whose Attributes[].Key is deletion_protection.enabled = false',
    );
  });

  it('reports a key member of another list', () => {
    const model = compileText(
      control(subject, ['the "Attributes[].Value" of the entry whose "ResponseMetadata" is x is set'], []),
    );
    expect(model.unknown).toHaveLength(1);
  });
});

describe('form 3: quantifiers over the elements of a list', () => {
  const subject = 'a load balancer in "LoadBalancerDescriptions[]" returned by "elb.describe_load_balancers"';
  const path = '"LoadBalancerDescriptions[].ListenerDescriptions[].Listener.Protocol"';
  const gold = control(
    subject,
    [`some ${path} is not one of HTTPS and SSL`],
    [`every ${path} is one of HTTPS and SSL`],
  );
  const key = 'elb.describe_load_balancers:LoadBalancerDescriptions[*].ListenerDescriptions[*].Listener.Protocol';

  it('every holds on an empty list, some does not, no = not some', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect(model.members.get(key)).toEqual({ type: 'list', element: 'string' });
    expect(decide(model, state([[key, ['HTTPS', 'SSL']]]))).toBe('COMPLIANT');
    expect(decide(model, state([[key, ['HTTPS', 'HTTP']]]))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, []]]))).toBe('COMPLIANT');
    const no = compileText(control(subject, [`at least one ${path} is HTTP`], [`no ${path} is HTTP`]));
    expect(decide(no, state([[key, ['HTTPS', 'HTTP']]]))).toBe('NON_COMPLIANT');
    expect(decide(no, state([[key, ['HTTPS']]]))).toBe('COMPLIANT');
    expect(decide(no, state([[key, []]]))).toBe('COMPLIANT');
  });

  it('reads an element lacking the member as not set', () => {
    const certificates = compileText(
      control(
        'a distribution described by "cloudfront.get_distribution_config"',
        ['some "DistributionConfig.Origins.Items[].DomainName" is not set'],
        ['every "DistributionConfig.Origins.Items[].DomainName" is set'],
      ),
    );
    expect(certificates.unknown).toEqual([]);
    const domains = 'cloudfront.get_distribution_config:DistributionConfig.Origins.Items[*].DomainName';
    expect(decide(certificates, state([[domains, ['a.example', null]]]))).toBe('NON_COMPLIANT');
    expect(decide(certificates, state([[domains, ['a.example']]]))).toBe('COMPLIANT');
  });

  it('catches every turned into some', () => {
    expectInversionCaught(gold, gold.replace(`every ${path}`, `some ${path}`));
  });

  it('reports a quantifier over a member that is not a list', () => {
    const model = compileText(control(subject, ['every "NextMarker" is set'], []));
    expect(model.unknown.map((u) => u.reason)).toEqual(['"NextMarker" is not a list (write "List[].Member")']);
  });
});

describe('form 7: rule parameters take every predicate', () => {
  const gold = `Feature: SNS_TOPIC_KEY_ALLOWED
  Description: Topics are encrypted with a key the rule allows.
  Rule Parameters: numberOfDays (int, optional); allowedKeys (CSV string, optional)

  Scenario: The day count is not positive
    Given the rule parameter "numberOfDays" is less than 1
    Then the rule returns ERROR

  Scenario: The topic's key is not allowed
    Given a topic described by "sns.get_topic_attributes"
    And the rule parameter "allowedKeys" is set
    And the rule parameter "allowedKeys" does not contain alias/aws/sns
    And its "Attributes{}" value of KmsMasterKeyId is alias/aws/sns
    Then the rule returns NON_COMPLIANT

  Scenario: Any key is allowed
    Given a topic described by "sns.get_topic_attributes"
    And the rule parameter "allowedKeys" is not set
    Then the rule returns COMPLIANT
`;
  const key = 'sns.get_topic_attributes:Attributes{KmsMasterKeyId}';

  it('compares a parameter with a number, tests whether it is set, and what it contains', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect(decide(model, state([], [['numberOfDays', [0]]]))).toBe('ERROR');
    expect(decide(model, state([], [['numberOfDays', [30]]]))).toBe('COMPLIANT');
    const aws = state([[key, 'alias/aws/sns']], [['allowedKeys', ['alias/custom']]]);
    expect(decide(model, aws)).toBe('NON_COMPLIANT');
    aws.params.set('allowedKeys', ['alias/custom', 'alias/aws/sns']);
    expect(decide(model, aws)).toBe('NONE');
  });

  it('catches a parameter comparison inverted', () => {
    expectInversionCaught(gold, gold.replace('is less than 1', 'is more than 1'));
    expectInversionCaught(gold, gold.replace('is not set', 'is set'));
  });
});

describe('form 6: the age of a timestamp', () => {
  const gold = control(
    'an access key in "AccessKeyMetadata[]" returned by "iam.list_access_keys"',
    ['its "AccessKeyMetadata[].CreateDate" is more than "maxAccessKeyAge" days old'],
    ['its "AccessKeyMetadata[].CreateDate" is "maxAccessKeyAge" days old or less'],
    'maxAccessKeyAge (int, optional)',
  );
  const key = 'iam.list_access_keys:AccessKeyMetadata[].CreateDate';

  it('holds a timestamp as its age in whole days, compared with a number or a parameter', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect(model.members.get(key)?.type).toBe('timestamp');
    const limit: [string, ParamValue][] = [['maxAccessKeyAge', [90]]];
    expect(decide(model, state([[key, 91]], limit))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, 90]], limit))).toBe('COMPLIANT');
    const fixed = compileText(gold.replaceAll('"maxAccessKeyAge" days', '90 days'));
    expect(decide(fixed, state([[key, 90]]))).toBe('COMPLIANT');
    expect(decide(fixed, state([[key, 91]]))).toBe('NON_COMPLIANT');
  });

  it('reads a date held as a string as a timestamp once a step tests its age', () => {
    const images = compileText(
      control(
        'an image in "Images[]" returned by "ec2.describe_images"',
        ['its "Images[].CreationDate" is set', 'its "Images[].CreationDate" is more than 90 days old'],
        ['its "Images[].CreationDate" is 90 days old or less'],
      ),
    );
    expect(images.unknown).toEqual([]);
    const created = 'ec2.describe_images:Images[].CreationDate';
    expect(images.members.get(created)).toEqual({ type: 'timestamp' });
    expect(decide(images, state([[created, 120]]))).toBe('NON_COMPLIANT');
    expect(decide(images, state([[created, 30]]))).toBe('COMPLIANT');
    expect(decide(images, state([]))).not.toBe('NONE');
  });

  it('catches the threshold moved by a day, and says the age in days', () => {
    const fixed = gold.replaceAll('"maxAccessKeyAge" days', '90 days');
    expectInversionCaught(fixed, fixed.replace('is more than 90 days old', 'is 90 days old or less'));
    const score = expectInversionCaught(fixed, fixed.replace('more than 90 days', 'more than 91 days'));
    expect(counterexampleTexts(score).join('\n')).toContain('AccessKeyMetadata[].CreateDate = 91 days old');
  });
});

describe('form 5: the evaluated Region', () => {
  const gold = control(
    'a trail in "trailList[]" returned by "cloudtrail.describe_trails"',
    ['its "trailList[].HomeRegion" is not the evaluated Region'],
    ['its "trailList[].HomeRegion" is the evaluated Region'],
  );
  const key = 'cloudtrail.describe_trails:trailList[].HomeRegion';

  it('compares a member with the Region the state is evaluated in', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect(model.members.get('@region')?.enum).toContain('us-east-1');
    expect(
      decide(
        model,
        state([
          [key, 'us-east-1'],
          ['@region', 'us-east-1'],
        ]),
      ),
    ).toBe('COMPLIANT');
    expect(
      decide(
        model,
        state([
          [key, 'eu-west-1'],
          ['@region', 'us-east-1'],
        ]),
      ),
    ).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, null]]))).toBe('NONE');
  });

  it('catches the comparison inverted, naming the evaluated Region', () => {
    const score = expectInversionCaught(gold, gold.replace('is not the evaluated', 'is the evaluated'));
    expect(counterexampleTexts(score).join('\n')).toMatch(/the evaluated Region = [a-z]+-[a-z]+-\d/);
  });
});

describe('form 8: starts with, ends with', () => {
  const gold = control(
    'a distribution described by "cloudfront.get_distribution_config"',
    ['its "DistributionConfig.WebACLId" does not start with arn:aws:wafv2:'],
    ['its "DistributionConfig.WebACLId" starts with arn:aws:wafv2:'],
  );
  const key = 'cloudfront.get_distribution_config:DistributionConfig.WebACLId';

  it('tests a string member prefix and suffix', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect(decide(model, state([[key, 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/x']]))).toBe('COMPLIANT');
    expect(decide(model, state([[key, 'legacy-waf-id']]))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, null]]))).toBe('NONE');
    const suffix = compileText(
      control(
        'a topic described by "sns.get_topic_attributes"',
        ['its "Attributes{}" value of KmsMasterKeyId does not end with /aws/sns'],
        ['its "Attributes{}" value of KmsMasterKeyId ends with /aws/sns'],
      ),
    );
    const kms = 'sns.get_topic_attributes:Attributes{KmsMasterKeyId}';
    expect(decide(suffix, state([[kms, 'alias/aws/sns']]))).toBe('COMPLIANT');
    expect(decide(suffix, state([[kms, 'alias/custom']]))).toBe('NON_COMPLIANT');
  });

  it('catches starts with inverted, or turned into ends with', () => {
    expectInversionCaught(gold, gold.replace('does not start with', 'starts with'));
    expectInversionCaught(
      gold,
      gold.replace('its "DistributionConfig.WebACLId" starts', 'its "DistributionConfig.WebACLId" ends'),
    );
  });
});

describe('form 10: policy documents', () => {
  const statement =
    'statement with Effect Deny, Principal "*", Action "s3:*" and Condition Bool aws:SecureTransport false';
  const gold = control(
    'a bucket policy returned by "s3.get_bucket_policy"',
    [`its "Policy" document has no ${statement}`],
    [`its "Policy" document has a ${statement}`],
  );
  const key =
    's3.get_bucket_policy:Policy#statement(Action=s3:*; Condition=Bool aws:SecureTransport false; Effect=Deny; Principal=*)';

  it('reads whether the document has a statement with those fields, whatever their order and case', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect([...model.members.keys()]).toEqual([key]);
    expect(decide(model, state([[key, true]]))).toBe('COMPLIANT');
    expect(decide(model, state([[key, false]]))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, null]]))).toBe('NON_COMPLIANT');
    const reordered = compileText(
      gold.replaceAll(
        statement,
        'statement with Action "S3:*", Effect deny, Condition Bool aws:SecureTransport false and Principal "*"',
      ),
    );
    expect([...reordered.members.keys()]).toEqual([key]);
  });

  it('catches has no turned into has, or a statement field changed, and says which statement in plain words', () => {
    expectInversionCaught(gold, gold.replace('document has no statement', 'document has a statement'));
    const score = expectInversionCaught(gold, gold.replaceAll('Effect Deny', 'Effect Allow'));
    expect(counterexampleTexts(score).join('\n')).toMatch(
      /the Policy document returned by s3\.get_bucket_policy has (a|no) statement with Action s3:\*, Condition Bool aws:SecureTransport false, Effect Deny, Principal \*/,
    );
  });

  it('reports a statement with a field it does not know', () => {
    const model = compileText(gold.replace('Effect Deny, Principal', 'Effect Deny, Sid "x", Principal'));
    expect(model.unknown).toHaveLength(1);
  });
});

describe('form 4: counting the elements of a list', () => {
  const gold = control(
    'a topic described by "sns.list_subscriptions_by_topic"',
    ['the number of "Subscriptions[]" is less than 1'],
    ['the number of "Subscriptions[]" is 1 or more'],
  );
  const key = 'sns.list_subscriptions_by_topic:Subscriptions';

  it('counts the elements (an absent list has none)', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect(decide(model, state([[key, ['a']]]))).toBe('COMPLIANT');
    expect(decide(model, state([[key, []]]))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, null]]))).toBe('NON_COMPLIANT');
  });

  it('catches the count comparison inverted or its threshold moved', () => {
    expectInversionCaught(gold, gold.replace('is less than 1', 'is 1 or more'));
    expectInversionCaught(gold, gold.replace('is 1 or more', 'is 2 or more'));
  });

  it('reports a count of a member that is not a list', () => {
    expect(
      compileText(gold.replace('the number of "Subscriptions[]" is less', 'the number of "NextToken" is less')).unknown,
    ).toHaveLength(1);
  });
});

describe('form 9: two members', () => {
  const gold = control(
    'a volume in "Volumes[]" returned by "ec2.describe_volumes"',
    [
      'its "Volumes[].Tags[]" differs from the "Reservations[].Instances[].Tags[]"',
      '"ec2.describe_instances" returns a "NextToken"',
    ],
    [
      'its "Volumes[].Tags[]" equals the "Reservations[].Instances[].Tags[]"',
      '"ec2.describe_instances" returns a "NextToken"',
    ],
  );
  const volume = 'ec2.describe_volumes:Volumes[].Tags';
  const instance = 'ec2.describe_instances:Reservations[].Instances[].Tags';

  it('compares one member with another (the same items in any order)', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect([...model.members.keys()].sort()).toEqual([instance, volume].sort());
    expect(
      decide(
        model,
        state([
          [volume, ['a', 'b']],
          [instance, ['b', 'a']],
        ]),
      ),
    ).toBe('COMPLIANT');
    expect(
      decide(
        model,
        state([
          [volume, ['a']],
          [instance, ['a', 'b']],
        ]),
      ),
    ).toBe('NON_COMPLIANT');
    expect(
      decide(
        model,
        state([
          [volume, ['a']],
          [instance, null],
        ]),
      ),
    ).toBe('NONE');
  });

  it('catches the comparison inverted', () => {
    expectInversionCaught(gold, gold.replace('differs from the', 'equals the'));
  });

  it('reports a second path no call returns', () => {
    expect(
      compileText(gold.replace('differs from the "Reservations', 'differs from the "Nowhere')).unknown,
    ).toHaveLength(1);
  });
});

describe('round 2, form 1: either … or … in one step', () => {
  const subject = 'a secret described by "secretsmanager.describe_secret"';
  const either =
    'either its "RotationRules.AutomaticallyAfterDays" is set or its "RotationRules.ScheduleExpression" is set';
  const gold = control(
    subject,
    ['its "RotationRules.AutomaticallyAfterDays" is not set', 'its "RotationRules.ScheduleExpression" is not set'],
    [either],
  );
  const days = 'secretsmanager.describe_secret:RotationRules.AutomaticallyAfterDays';
  const cron = 'secretsmanager.describe_secret:RotationRules.ScheduleExpression';

  it('holds when one branch holds, and not when none does', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect(
      decide(
        model,
        state([
          [days, 30],
          [cron, null],
        ]),
      ),
    ).toBe('COMPLIANT');
    expect(
      decide(
        model,
        state([
          [days, null],
          [cron, 'rate(10 days)'],
        ]),
      ),
    ).toBe('COMPLIANT');
    expect(
      decide(
        model,
        state([
          [days, null],
          [cron, null],
        ]),
      ),
    ).toBe('NON_COMPLIANT');
  });

  it('catches a candidate that requires only the first branch', () => {
    const candidate = gold.replace(either, 'its "RotationRules.AutomaticallyAfterDays" is set');
    const score = expectInversionCaught(gold, candidate);
    expect(counterexampleTexts(score).join('\n')).toMatch(/RotationRules\.ScheduleExpression = /);
  });

  it('takes rule-parameter branches (no resource needed) and three branches', () => {
    const params = control(
      'a resource returned by "ec2.describe_images"',
      [],
      [],
      'numberOfDays (int); WhitelistedAmis (CSV); WhitelistedInstances (CSV)',
    ).replace(
      '  Scenario: The requirement is violated\n    Given a resource returned by "ec2.describe_images"\n',
      '  Scenario: The requirement is violated\n    Given either the rule parameter "numberOfDays" is not set or the rule parameter "WhitelistedAmis" is not set or the rule parameter "WhitelistedInstances" is not set\n',
    );
    const model = compileText(params.replace('NON_COMPLIANT', 'ERROR'));
    expect(model.unknown).toEqual([]);
    const failing = model.scenarios.find((s) => s.outcome === 'ERROR');
    expect(failing?.resource).toBeNull();
    expect(failing?.conditions[0]).toMatchObject({ kind: 'any' });
    const all: [string, ParamValue][] = [
      ['numberOfDays', [30]],
      ['WhitelistedAmis', ['ami-1']],
      ['WhitelistedInstances', ['i-1']],
    ];
    expect(decide(model, state([], all))).toBe('COMPLIANT');
    expect(decide(model, state([], all.slice(1)))).toBe('ERROR');
    expect(decide(model, state([], all.slice(0, 2)))).toBe('ERROR');
  });

  it('reports a branch no form reads', () => {
    expect(compileText(gold.replace(either, `${either} or the moon is full`)).unknown).toHaveLength(1);
  });
});

describe('either … or … with a rule parameter that is not valid', () => {
  const either =
    'either the rule parameter "blockPublicAcls" is invalid or the rule parameter "ignorePublicAcls" is not a valid boolean';
  const gold = `Feature: FORM_UNDER_TEST
  Description: A control whose parameters must each be valid.
  Rule Parameters: blockPublicAcls (string, optional); ignorePublicAcls (string, optional)

  Scenario: A parameter is not valid
    Given ${either}
    Then the rule returns ERROR

  Scenario: Public ACLs are not blocked
    Given "s3control.get_public_access_block" returns "PublicAccessBlockConfiguration.BlockPublicAcls" false
    Then the rule returns NON_COMPLIANT

  Scenario: Public ACLs are blocked
    Given "s3control.get_public_access_block" returns "PublicAccessBlockConfiguration.BlockPublicAcls" true
    Then the rule returns COMPLIANT
`;
  const key = 's3control.get_public_access_block:PublicAccessBlockConfiguration.BlockPublicAcls';

  it('holds when one of the parameters is not valid, needing no resource', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    const failing = model.scenarios.find((s) => s.outcome === 'ERROR');
    expect(failing?.resource).toBeNull();
    expect(failing?.conditions).toEqual([
      {
        kind: 'any',
        conditions: [
          { kind: 'param', name: 'blockPublicAcls', predicate: { op: 'invalid' } },
          { kind: 'param', name: 'ignorePublicAcls', predicate: { op: 'invalid' } },
        ],
      },
    ]);
    expect(decide(model, state([[key, true]], [['ignorePublicAcls', 'invalid']]))).toBe('ERROR');
    expect(decide(model, state([[key, true]], [['blockPublicAcls', 'invalid']]))).toBe('ERROR');
    expect(decide(model, state([[key, true]], [['blockPublicAcls', ['True']]]))).toBe('COMPLIANT');
    expect(decide(model, state([[key, false]], []))).toBe('NON_COMPLIANT');
  });

  it('catches a candidate that checks only the first parameter', () => {
    expectInversionCaught(gold, gold.replace(either, 'the rule parameter "blockPublicAcls" is invalid'));
  });
});

describe('round 2, form 2: every value of a list rule parameter is in a list member', () => {
  const subject = 'a user returned by "iam.list_attached_user_policies"';
  const every = 'every value of "policyArns" is in "AttachedPolicies[].PolicyArn"';
  const gold = control(
    subject,
    ['some value of "policyArns" is not in "AttachedPolicies[].PolicyArn"'],
    [every],
    'policyArns (CSV)',
  );
  const key = 'iam.list_attached_user_policies:AttachedPolicies[*].PolicyArn';
  const params: [string, ParamValue][] = [['policyArns', ['arn:a', 'arn:b']]];

  it('holds when each value of the parameter is among the members, in any order', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect(model.scenarios.map((s) => s.conditions[0])).toEqual([
      { kind: 'member', key, predicate: { op: 'missesParam', param: 'policyArns' } },
      { kind: 'member', key, predicate: { op: 'holdsParam', param: 'policyArns' } },
    ]);
    expect(decide(model, state([[key, ['arn:b', 'arn:c', 'arn:a']]], params))).toBe('COMPLIANT');
    expect(decide(model, state([[key, ['arn:a']]], params))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, null]], params))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, ['arn:a']]], []))).toBe('NONE');
  });

  it('catches a candidate that reads the subset the other way round', () => {
    const score = expectInversionCaught(
      gold,
      gold.replace(every, 'every "AttachedPolicies[].PolicyArn" is in "policyArns"'),
    );
    expect(counterexampleTexts(score).join('\n')).toContain('rule parameter policyArns');
  });
});

describe('round 2, form 3: policy statements with a condition key, or with no Condition', () => {
  const subject = 'a function described by "lambda.get_policy"';
  const open = 'its "Policy" document has a statement with Effect Allow, Principal "*" and no Condition';
  const gold = control(subject, [open], [open.replace('has a statement', 'has no statement')]);

  it('reads "no Condition" and "ConditionKey K" as statement fields of their own', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    const [key] = [...model.members.keys()];
    expect(key).toBe('lambda.get_policy:Policy#statement(Effect=Allow; NoCondition; Principal=*)');
    expect(decide(model, state([[key as string, true]]))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key as string, false]]))).toBe('COMPLIANT');
    const keyed = compileText(
      control(
        'a REST API described by "apigateway.get_rest_api"',
        ['its "policy" document has no statement with Effect Allow and ConditionKey aws:SourceIp'],
        ['its "policy" document has a statement with Effect Allow and ConditionKey aws:SourceIp'],
      ),
    );
    expect(keyed.unknown).toEqual([]);
    expect([...keyed.members.keys()]).toEqual([
      'apigateway.get_rest_api:policy#statement(ConditionKey=aws:SourceIp; Effect=Allow)',
    ]);
  });

  it('catches a candidate that drops the no-Condition field, and says the statement in words', () => {
    const score = expectInversionCaught(gold, gold.replaceAll(' and no Condition', ''));
    expect(counterexampleTexts(score).join('\n')).toContain(
      'the Policy document returned by lambda.get_policy has no statement with Effect Allow, no Condition, Principal *',
    );
  });
});

describe('round 2, form 4: a member of a JSON document held in a string', () => {
  const subject = 'a security configuration described by "emr.describe_security_configuration"';
  const provider =
    'the "SecurityConfiguration" document\'s "AuthenticationConfiguration.KerberosConfiguration.Provider"';
  const gold = control(subject, [`${provider} is not set`], [`${provider} is ClusterDedicatedKdc`]);
  const key =
    'emr.describe_security_configuration:SecurityConfiguration#json(AuthenticationConfiguration.KerberosConfiguration.Provider)';

  it('reads the document member as its own member', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect([...model.members.keys()]).toEqual([key]);
    expect(decide(model, state([[key, null]]))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, 'ClusterDedicatedKdc']]))).toBe('COMPLIANT');
    expect(decide(model, state([[key, 'ExternalKdc']]))).toBe('NONE');
  });

  it('catches the predicate inverted, and refuses a member that is not a string', () => {
    const score = expectInversionCaught(gold, gold.replace('is not set', 'is set'));
    expect(counterexampleTexts(score).join('\n')).toContain(
      "the SecurityConfiguration document's AuthenticationConfiguration.KerberosConfiguration.Provider",
    );
    const notString = compileText(gold.replaceAll('"SecurityConfiguration" document', '"CreationDateTime" document'));
    expect(notString.unknown[0]?.reason).toBe('"CreationDateTime" is not a string holding a JSON document');
  });
});

describe('round 2, form 5: a quantifier over the entries whose key member has a value', () => {
  const subject = 'a load balancer whose "elbv2.describe_listeners" returns a "Listeners[]"';
  const http = 'of the entries whose "Listeners[].Protocol" is HTTP';
  const gold = control(
    subject,
    [`some "Listeners[].DefaultActions[].Type" ${http} is not redirect`],
    [`every "Listeners[].DefaultActions[].Type" ${http} is redirect`],
  );
  const key = 'elbv2.describe_listeners:Listeners[?Protocol=HTTP].DefaultActions[*].Type';

  it('reads only the elements of the selected entries', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect([...model.members.keys()]).toContain(key);
    expect(decide(model, state([[key, ['redirect']]]))).toBe('COMPLIANT');
    expect(decide(model, state([[key, ['redirect', 'forward']]]))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, []]]))).toBe('COMPLIANT');
  });

  it('catches a candidate that drops the filter, and refuses a key member of another list', () => {
    const score = expectInversionCaught(gold, gold.replaceAll(` ${http}`, ''));
    expect(counterexampleTexts(score).join('\n')).toContain(
      'the Listeners[].DefaultActions[].Type values of the entries whose Listeners[].Protocol is HTTP',
    );
    const other = compileText(gold.replaceAll('"Listeners[].Protocol"', '"NextMarker"'));
    expect(other.unknown[0]?.reason).toMatch(/must be a member of the entries of a list/);
  });
});

describe('round 2, form 6: the number of distinct values', () => {
  const subject = 'a set of subnets returned by "ec2.describe_subnets"';
  const gold = control(
    subject,
    ['the number of distinct "Subnets[].AvailabilityZone" is less than 2'],
    ['the number of distinct "Subnets[].AvailabilityZone" is 2 or more'],
  );
  const key = 'ec2.describe_subnets:Subnets[*].AvailabilityZone';

  it('counts each value once', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect(decide(model, state([[key, ['us-east-1a', 'us-east-1a']]]))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, ['us-east-1a', 'us-east-1b']]]))).toBe('COMPLIANT');
    expect(decide(model, state([[key, null]]))).toBe('NON_COMPLIANT');
  });

  it('catches a candidate that counts elements, not distinct values', () => {
    const score = expectInversionCaught(
      gold,
      control(subject, ['the number of "Subnets[]" is less than 2'], ['the number of "Subnets[]" is 2 or more']),
    );
    expect(score.value).toBeLessThan(1);
  });
});

describe("round 2, form 7: the configuration item's members", () => {
  const gold = `@control:none @severity:medium @resource:AWS::EC2::Volume @category:encryption-at-rest
Feature: CI_FORM
  Description: A rule that reads the configuration item.
  Trigger: Configuration changes
  Reports on: AWS::EC2::Volume, AWS::EC2::Instance
  Rule Parameters: None

  Scenario: An instance is not applicable
    Given the configuration item's resource type is AWS::EC2::Instance
    Then the rule returns NOT_APPLICABLE

  Scenario: The volume is not encrypted
    Given the configuration item's resource type is AWS::EC2::Volume
    And the configuration item's "Volumes[].Encrypted" is false
    Then the rule returns NON_COMPLIANT

  Scenario: The volume is encrypted
    Given the configuration item's resource type is AWS::EC2::Volume
    And the configuration item's "Volumes[].Encrypted" is true
    Then the rule returns COMPLIANT
`;
  const encrypted = 'ec2.describe_volumes:Volumes[].Encrypted';

  it('reads the item as the describe output of its resource type, and its type as a member', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect(model.members.get('@resourceType')).toEqual({
      type: 'string',
      enum: ['AWS::EC2::Volume', 'AWS::EC2::Instance'],
    });
    const volume = (value: boolean): [string, MemberValue][] => [
      ['@resourceType', 'AWS::EC2::Volume'],
      [encrypted, value],
    ];
    expect(decide(model, state(volume(false)))).toBe('NON_COMPLIANT');
    expect(decide(model, state(volume(true)))).toBe('COMPLIANT');
    expect(decide(model, state([['@resourceType', 'AWS::EC2::Instance']]))).toBe('NOT_APPLICABLE');
  });

  it('catches the predicate inverted, and does not resolve the path outside the form', () => {
    const score = expectInversionCaught(gold, gold.replace('Encrypted" is false', 'Encrypted" is true'));
    expect(counterexampleTexts(score).join('\n')).toContain(
      "the configuration item's resource type = AWS::EC2::Volume",
    );
    const elsewhere = compileText(gold.replaceAll(`the configuration item's "Volumes`, 'its "Volumes'));
    expect(elsewhere.unknown).toHaveLength(2);
  });
});

describe("the configuration item's status", () => {
  const gold = `@control:none @severity:medium @resource:AWS::Lambda::Function @category:logging
Feature: CI_STATUS_FORM
  Description: A rule that skips a deleted resource.
  Trigger: Configuration changes
  Reports on: AWS::Lambda::Function
  Rule Parameters: None

  Scenario: A deleted function is not applicable
    Given the configuration item's status is ResourceDeleted
    Then the rule returns NOT_APPLICABLE

  Scenario: The role has no policy
    Given a role described by "iam.list_attached_role_policies"
    And its "AttachedPolicies[]" is empty
    Then the rule returns NON_COMPLIANT

  Scenario: The role has a policy
    Given a role described by "iam.list_attached_role_policies"
    And its "AttachedPolicies[]" is not empty
    Then the rule returns COMPLIANT
`;
  const attached = 'iam.list_attached_role_policies:AttachedPolicies';

  it("reads the status as a member whose values are botocore's ConfigurationItemStatus", () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect(model.members.get('@itemStatus')?.enum).toEqual(
      expect.arrayContaining(['OK', 'ResourceDeleted', 'ResourceDiscovered']),
    );
    expect(decide(model, state([['@itemStatus', 'ResourceDeleted']]))).toBe('NOT_APPLICABLE');
    expect(
      decide(
        model,
        state([
          ['@itemStatus', 'OK'],
          [attached, []],
        ]),
      ),
    ).toBe('NON_COMPLIANT');
  });

  it('catches a candidate that forgets the deleted resource', () => {
    const score = expectInversionCaught(gold, gold.replace('is ResourceDeleted', 'is OK'));
    expect(counterexampleTexts(score).join('\n')).toContain("the configuration item's status = ResourceDeleted");
  });
});

describe('the part of a string after, before or between separators', () => {
  const subject = 'a subscription in "Subscriptions[]" listed by "sns.list_subscriptions"';
  const gold = control(
    subject,
    ['the part of its "Subscriptions[].Endpoint" after @ is not in "domainNames"'],
    ['the part of its "Subscriptions[].Endpoint" after @ is in "domainNames"'],
    'domainNames (string, required)',
  );
  const key = 'sns.list_subscriptions:Subscriptions[].Endpoint#part(@|)';
  const domains: [string, ParamValue][] = [['domainNames', ['example.com', 'example.org']]];

  it('reads the part as its own member, compared with a list parameter', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect(model.members.get(key)).toEqual({ type: 'string' });
    expect(decide(model, state([[key, 'example.org']], domains))).toBe('COMPLIANT');
    expect(decide(model, state([[key, 'attacker.net']], domains))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, null]], domains))).toBe('NONE');
  });

  it('catches the comparison inverted, and names the part in a counterexample', () => {
    const score = expectInversionCaught(gold, gold.replace('after @ is not in', 'after @ is in'));
    expect(counterexampleTexts(score).join('\n')).toContain('the part of Subscriptions[].Endpoint after @');
  });

  it('reads the text between two separators, and refuses a member that is not a string', () => {
    const ecr = control(
      'a task definition described by "ecs.describe_task_definition"',
      [],
      [
        'the part of its "taskDefinition.containerDefinitions[].image" between .dkr.ecr. and .amazonaws.com equals "regionName"',
      ],
      'regionName (string, required)',
    );
    const model = compileText(ecr);
    expect(model.unknown).toEqual([]);
    expect([...model.members.keys()]).toEqual([
      'ecs.describe_task_definition:taskDefinition.containerDefinitions[].image#part(.dkr.ecr.|.amazonaws.com)',
    ]);
    const list = compileText(gold.replaceAll('"Subscriptions[].Endpoint"', '"Subscriptions[]"'));
    expect(list.unknown.map((u) => u.reason)).toEqual([
      expect.stringContaining('is not a string'),
      expect.stringContaining('is not a string'),
    ]);
  });
});

describe("'is among' another form: the configuration item's path, a JSON document's member", () => {
  const gold = `@control:none @severity:medium @resource:AWS::EC2::Volume @category:monitoring
Feature: TAGS_FORM
  Description: A volume carries the tags of its instance.
  Trigger: Configuration changes
  Reports on: AWS::EC2::Volume, AWS::EC2::Instance
  Rule Parameters: None

  Background:
    Given the rule's code calls "config.select_resource_config"

  Scenario: The instance's tags are all on its volumes
    Given the configuration item's resource type is AWS::EC2::Instance
    And the configuration item's "Reservations[].Instances[].Tags[]" is among the "Results[]" document's "tags[]"
    Then the rule returns COMPLIANT

  Scenario: A tag of the instance is missing from its volumes
    Given the configuration item's resource type is AWS::EC2::Instance
    And the configuration item's "Reservations[].Instances[].Tags[]" is not among the "Results[]" document's "tags[]"
    Then the rule returns NON_COMPLIANT

  Scenario: The volume carries every tag of its instance
    Given the configuration item's resource type is AWS::EC2::Volume
    And the "Results[]" document's "tags[]" is among the configuration item's "Volumes[].Tags[]"
    Then the rule returns COMPLIANT

  Scenario: The volume misses a tag of its instance
    Given the configuration item's resource type is AWS::EC2::Volume
    And the "Results[]" document's "tags[]" is not among the configuration item's "Volumes[].Tags[]"
    Then the rule returns NON_COMPLIANT
`;
  const results = 'config.select_resource_config:Results#json(tags[])';
  const instanceTags = 'ec2.describe_instances:Reservations[].Instances[].Tags';
  const volumeTags = 'ec2.describe_volumes:Volumes[].Tags';

  it('reads the documents of a list of JSON strings, and resolves each operand in its own place', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect([...model.members.keys()]).toEqual(expect.arrayContaining([results, instanceTags, volumeTags]));
    const of = (type: string, members: [string, MemberValue][]) => state([['@resourceType', type], ...members]);
    const tags = (a: string[], b: string[]): [string, MemberValue][] => [
      [results, a],
      [volumeTags, b],
    ];
    expect(decide(model, of('AWS::EC2::Volume', tags(['env=prod'], ['env=prod', 'team=a'])))).toBe('COMPLIANT');
    expect(decide(model, of('AWS::EC2::Volume', tags(['env=prod', 'team=a'], ['env=prod'])))).toBe('NON_COMPLIANT');
    const instance: [string, MemberValue][] = [
      [instanceTags, ['env=prod']],
      [results, ['team=a']],
    ];
    expect(decide(model, of('AWS::EC2::Instance', instance))).toBe('NON_COMPLIANT');
  });

  it('catches the subset read the wrong way round', () => {
    const swapped = gold
      .replace(
        `the "Results[]" document's "tags[]" is among the configuration item's "Volumes[].Tags[]"`,
        `the configuration item's "Volumes[].Tags[]" is among the "Results[]" document's "tags[]"`,
      )
      .replace(
        `the "Results[]" document's "tags[]" is not among the configuration item's "Volumes[].Tags[]"`,
        `the configuration item's "Volumes[].Tags[]" is not among the "Results[]" document's "tags[]"`,
      );
    expectInversionCaught(gold, swapped);
  });

  it('reports an operand path its place does not hold', () => {
    const wrong = compileText(gold.replace(`item's "Volumes[].Tags[]"`, `item's "Volumes[].Nowhere"`));
    expect(wrong.unknown.length).toBeGreaterThan(0);
    const noDocument = compileText(gold.replaceAll('"Results[]" document', '"QueryInfo" document'));
    expect(noDocument.unknown.length).toBeGreaterThan(0);
  });
});

describe('round 2: a policy document held in one entry of a map', () => {
  const subject = 'a queue described by "sqs.get_queue_attributes"';
  const statement =
    'the "Attributes{}" value of Policy document has a statement with Effect Deny and Condition Bool aws:SecureTransport false';
  const gold = control(subject, [statement.replace('has a statement', 'has no statement')], [statement]);

  it('reads the statement of the document in that entry', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    const key =
      'sqs.get_queue_attributes:Attributes{Policy}#statement(Condition=Bool aws:SecureTransport false; Effect=Deny)';
    expect([...model.members.keys()]).toEqual([key]);
    expect(decide(model, state([[key, true]]))).toBe('COMPLIANT');
    expect(decide(model, state([[key, false]]))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, null]]))).toBe('NON_COMPLIANT');
  });

  it('catches the statement inverted', () => {
    expectInversionCaught(gold, gold.replace('has no statement', 'has a statement'));
  });
});

describe('round 2: the entries whose key member equals a rule parameter', () => {
  const subject = 'a VPC in "Vpcs[]" returned by "ec2.describe_vpcs"';
  const matching = 'of the entries whose "FlowLogs[].TrafficType" is "trafficType"';
  const gold = control(
    subject,
    ['the rule parameter "logGroupName" is set', `no "FlowLogs[].LogGroupName" ${matching} is "logGroupName"`],
    ['the rule parameter "logGroupName" is set', `some "FlowLogs[].LogGroupName" ${matching} is "logGroupName"`],
    'trafficType (string); logGroupName (string)',
  ).replaceAll(subject, `${subject}\n    And "ec2.describe_flow_logs" returns a "FlowLogs[]"`);
  const key = 'ec2.describe_flow_logs:FlowLogs[?TrafficType=the rule parameter trafficType].LogGroupName';

  it('reads the selected entries as their own member, named after the parameter', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect([...model.members.keys()]).toContain(key);
    const params: [string, ParamValue][] = [['logGroupName', ['central']]];
    expect(decide(model, state([[key, ['central']]], params))).toBe('COMPLIANT');
    expect(decide(model, state([[key, ['other']]], params))).toBe('NON_COMPLIANT');
  });

  it('catches a candidate that drops the selection', () => {
    const score = expectInversionCaught(gold, gold.replaceAll(` ${matching}`, ''));
    expect(counterexampleTexts(score).join('\n')).toContain(
      'the FlowLogs[].LogGroupName values of the entries whose FlowLogs[].TrafficType is the rule parameter trafficType',
    );
  });
});

describe("round 2: every value of a member among another member's values", () => {
  const subject = 'an API in "items[]" returned by "apigateway.get_rest_apis"';
  const vpcs = 'the "items[].policy" document\'s "Statement[].Condition.StringEquals.aws:sourceVpc"';
  const gold = control(
    `${subject}\n    And "ec2.describe_vpcs" returns a "Vpcs[]"`,
    [`${vpcs} is not among the "Vpcs[].VpcId"`],
    [`${vpcs} is among the "Vpcs[].VpcId"`],
  );
  const mine = 'apigateway.get_rest_apis:items[].policy#json(Statement[].Condition.StringEquals.aws:sourceVpc)';
  const theirs = 'ec2.describe_vpcs:Vpcs[].VpcId';

  it("holds when each value is among the other member's values", () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    const decideOn = (a: MemberValue | null, b: MemberValue | null) =>
      decide(
        model,
        state([
          [mine, a],
          [theirs, b],
        ]),
      );
    expect(decideOn(['vpc-1'], ['vpc-2', 'vpc-1'])).toBe('COMPLIANT');
    expect(decideOn(['vpc-1', 'vpc-9'], ['vpc-1'])).toBe('NON_COMPLIANT');
    expect(decideOn(null, ['vpc-1'])).toBe('NONE');
  });

  it('catches a candidate that reads "equals" for "among"', () => {
    expectInversionCaught(gold, gold.replace(`${vpcs} is among the`, `${vpcs} equals the`));
  });
});

describe('round 3 (IAM golds): every statement of a policy document', () => {
  const subject = 'a user in "Users[]" listed by "iam.list_users"';
  const document = 'the "PolicyDocument" document returned by "iam.get_user_policy"';
  const every = `every statement of ${document} has Effect Allow and Condition IpAddress aws:SourceIp`;
  const gold = control(subject, [`not ${every}`], [every]);
  const key = 'iam.get_user_policy:PolicyDocument#everyStatement(Condition=IpAddress aws:SourceIp; Effect=Allow)';

  it('reads whether every statement has the fields; an absent document has no statement, so every one does', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect([...model.members.keys()]).toEqual([key]);
    expect(decide(model, state([[key, true]]))).toBe('COMPLIANT');
    expect(decide(model, state([[key, null]]))).toBe('COMPLIANT');
    expect(decide(model, state([[key, false]]))).toBe('NON_COMPLIANT');
  });

  it('reads `Condition OPERATOR KEY` without a value as its own field, before or after another field', () => {
    expect(parseStatement('Condition IpAddress aws:SourceIp and Effect Allow')).toEqual([
      { field: 'Condition', value: 'IpAddress aws:SourceIp' },
      { field: 'Effect', value: 'Allow' },
    ]);
    expect(parseStatement('Condition Bool aws:SecureTransport false and Effect Deny')).toEqual([
      { field: 'Condition', value: 'Bool aws:SecureTransport false' },
      { field: 'Effect', value: 'Deny' },
    ]);
    const swapped = compileText(
      gold.replaceAll(
        'Effect Allow and Condition IpAddress aws:SourceIp',
        'Condition IpAddress aws:SourceIp, Effect allow',
      ),
    );
    expect([...swapped.members.keys()]).toEqual([key]);
  });

  it('keeps "every statement has" apart from "has a statement with", and catches either inverted', () => {
    const some = compileText(gold.replaceAll(`every statement of ${document} has`, `${document} has a statement with`));
    expect([...some.members.keys()]).toEqual([key.replace('#everyStatement(', '#statement(')]);
    const score = expectInversionCaught(
      gold,
      gold
        .replace(`not ${every}`, every)
        .replace(
          `Given ${subject}\n    And ${every}\n    Then the rule returns COMPLIANT`,
          `Given ${subject}\n    And not ${every}\n    Then the rule returns COMPLIANT`,
        ),
    );
    expect(counterexampleTexts(score).join('\n')).toMatch(
      /(every|not every) statement of the PolicyDocument document returned by iam\.get_user_policy has Condition IpAddress aws:SourceIp, Effect Allow/,
    );
  });
});

describe("round 3 (IAM golds): a document's call and the listing it belongs to", () => {
  const subject = 'a user in "Users[]" listed by "iam.list_users"';
  const of = (listing: string) =>
    `the "PolicyVersion.Document" document returned by "iam.get_policy_version" of the policies listed by "${listing}"`;
  const has = (document: string) => `${document} has a statement with Effect Allow, Action "*" and Resource "*"`;
  const gold = control(
    subject,
    [has(of('iam.list_attached_user_policies'))],
    [
      has(of('iam.list_attached_user_policies')).replace('has a statement', 'has no statement'),
      has(of('iam.list_attached_group_policies')).replace('has a statement', 'has no statement'),
    ],
  );

  it('keeps the documents of two listings that one call returns apart', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect([...model.members.keys()]).toEqual([
      'iam.get_policy_version:PolicyVersion.Document@of(iam.list_attached_user_policies)#statement(Action=*; Effect=Allow; Resource=*)',
      'iam.get_policy_version:PolicyVersion.Document@of(iam.list_attached_group_policies)#statement(Action=*; Effect=Allow; Resource=*)',
    ]);
  });

  it('resolves the path in the call that returns the document, and reports a path that call lacks', () => {
    const inline = (call: string) =>
      compileText(
        control(
          subject,
          [has(`the "PolicyDocument" document returned by "${call}"`)],
          [has(`the "PolicyDocument" document returned by "${call}"`).replace('has a', 'has no')],
        ),
      );
    expect([...inline('iam.get_group_policy').members.keys()]).toEqual([
      'iam.get_group_policy:PolicyDocument#statement(Action=*; Effect=Allow; Resource=*)',
    ]);
    expect(inline('iam.get_policy_version').unknown[0]?.reason).toMatch(
      /"PolicyDocument" is not a member of iam\.get_policy_version/,
    );
  });

  it('catches a candidate that reads the group policies for the user policies, and names the listing', () => {
    const score = expectInversionCaught(
      gold,
      gold.replaceAll('iam.list_attached_user_policies', 'iam.list_attached_group_policies'),
    );
    expect(counterexampleTexts(score).join('\n')).toContain(
      'the PolicyVersion.Document document of what iam.list_attached_user_policies lists has',
    );
  });
});

describe("round 3 (IAM golds): the number of IP addresses in a statement's condition", () => {
  const subject = 'a user in "Users[]" listed by "iam.list_users"';
  const count =
    'the number of IP addresses in Condition IpAddress aws:SourceIp of the "PolicyDocument" document returned by "iam.get_user_policy"';
  const gold = control(
    subject,
    [`${count} is more than "maxIpNums"`],
    [`${count} is at most "maxIpNums"`],
    'maxIpNums (int, optional, default 20): the most IP addresses',
  );
  const key = 'iam.get_user_policy:PolicyDocument#ipAddresses(IpAddress aws:SourceIp)';
  const addresses = (n: number) => Array.from({ length: n }, (_, i) => `10.0.0.${i}`);

  it('counts the addresses (none without the condition) against the rule parameter', () => {
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect([...model.members.keys()]).toEqual([key]);
    const max: [string, ParamValue][] = [['maxIpNums', [4]]];
    expect(decide(model, state([[key, addresses(4)]], max))).toBe('COMPLIANT');
    expect(decide(model, state([[key, addresses(5)]], max))).toBe('NON_COMPLIANT');
    expect(decide(model, state([[key, null]], max))).toBe('COMPLIANT');
  });

  it('takes numeric tests only', () => {
    expect(compileText(gold.replace('is at most "maxIpNums"', 'is set')).unknown).toHaveLength(1);
  });

  it('catches the comparison turned around, and says the count in words', () => {
    const score = expectInversionCaught(
      gold,
      gold
        .replace('is more than "maxIpNums"', 'is at most "maxIpNums"')
        .replace(
          `    And ${count} is at most "maxIpNums"\n    Then the rule returns COMPLIANT`,
          `    And ${count} is more than "maxIpNums"\n    Then the rule returns COMPLIANT`,
        ),
    );
    expect(counterexampleTexts(score).join('\n')).toMatch(
      /the number of IP addresses in Condition IpAddress aws:SourceIp of the PolicyDocument document returned by iam\.get_user_policy = \d+/,
    );
  });
});

describe('round 3 (IAM golds): IAM configuration items, and a control with no item', () => {
  const gold = `Feature: IAM_ITEM_UNDER_TEST
  Description: A rule that reads an IAM user's or role's configuration item.
  Rule Parameters: policyArns (string, required, default none): the policies every entity needs

  Scenario: Nothing to evaluate
    Given there is no configuration item of an IAM user or role
    And evaluation occurs
    Then the rule returns NOT_APPLICABLE

  Scenario: A user misses a policy
    Given the configuration item's resource type is AWS::IAM::User
    And some value of "policyArns" is not in the configuration item's "UserDetailList[].AttachedManagedPolicies[].PolicyArn"
    Then the rule returns NON_COMPLIANT

  Scenario: A role has every policy
    Given the configuration item's resource type is AWS::IAM::Role
    And every value of "policyArns" is in the configuration item's "RoleDetailList[].AttachedManagedPolicies[].PolicyArn"
    Then the rule returns COMPLIANT
`;
  const users = 'iam.get_account_authorization_details:UserDetailList[*].AttachedManagedPolicies[*].PolicyArn';
  const roles = 'iam.get_account_authorization_details:RoleDetailList[*].AttachedManagedPolicies[*].PolicyArn';

  it("reads a user's and a role's item as get_account_authorization_details' entries", () => {
    expect(configurationItemCall('AWS::IAM::User')).toBe('iam.get_account_authorization_details');
    expect(configurationItemCall('AWS::IAM::Role')).toBe('iam.get_account_authorization_details');
    const model = compileText(gold);
    expect(model.unknown).toEqual([]);
    expect([...model.members.keys()]).toEqual(['@resourceType', users, roles]);
    const arns: [string, ParamValue][] = [['policyArns', ['arn:aws:iam::aws:policy/ReadOnlyAccess']]];
    const user = (attached: string[]) =>
      state(
        [
          ['@resourceType', 'AWS::IAM::User'],
          [users, attached],
        ],
        arns,
      );
    expect(decide(model, user([]))).toBe('NON_COMPLIANT');
    expect(decide(model, user(['arn:aws:iam::aws:policy/ReadOnlyAccess']))).toBe('NONE');
    expect(
      decide(
        model,
        state(
          [
            ['@resourceType', 'AWS::IAM::Role'],
            [roles, ['arn:aws:iam::aws:policy/ReadOnlyAccess']],
          ],
          arns,
        ),
      ),
    ).toBe('COMPLIANT');
  });

  it('reads "there is no configuration item" as no resource, and "evaluation occurs" as no condition', () => {
    const model = compileText(gold);
    const none = model.scenarios.find((s) => s.outcome === 'NOT_APPLICABLE');
    expect(none).toMatchObject({ resource: false, conditions: [] });
    expect(decide(model, { ...state([]), resource: false })).toBe('NOT_APPLICABLE');
    const late = compileText(
      gold
        .replace('    And evaluation occurs\n', '    And there is no configuration item\n')
        .replace(
          'Given there is no configuration item of an IAM user or role',
          "Given the configuration item's resource type is AWS::IAM::User",
        ),
    );
    expect(late.unknown[0]?.reason).toBe('say that there is no resource first');
  });

  it('catches a candidate that reads the role list for the user', () => {
    expectInversionCaught(
      gold,
      gold.replace(
        'is not in the configuration item\'s "UserDetailList',
        'is not in the configuration item\'s "RoleDetailList',
      ),
    );
  });
});
