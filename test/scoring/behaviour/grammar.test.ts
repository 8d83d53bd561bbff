import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStep } from '../../../src/scoring/behaviour/grammar.js';
import { parsePredicate } from '../../../src/scoring/behaviour/predicates.js';

const none = new Set<string>();

describe('the step grammar', () => {
  it('reads subject steps, with a list path and with a whose-condition', () => {
    expect(parseStep('a notebook instance described by "sagemaker.describe_notebook_instance"', none)).toEqual({
      kind: 'subject',
      call: 'sagemaker.describe_notebook_instance',
      conditions: [],
    });
    const withWhose = parseStep(
      'a trail in "trailList[]" returned by "cloudtrail.describe_trails" whose "trailList[].KmsKeyId" is set',
      none,
    );
    expect(withWhose).toEqual({
      kind: 'subject',
      call: 'cloudtrail.describe_trails',
      conditions: [{ path: 'trailList[].KmsKeyId', predicate: { op: 'set' } }],
    });
  });

  it('reads "returns nothing" steps, reading paging words through', () => {
    expect(
      parseStep('"rds.describe_db_instances" returns an empty "DBInstances[]" list and no "Marker"', none),
    ).toEqual({
      kind: 'nothing',
      call: 'rds.describe_db_instances',
      path: 'DBInstances[]',
      test: 'empty',
      scoped: false,
    });
    expect(
      parseStep(
        '"apigateway.get_rest_apis", paged with "position" until it is not set, returns an empty "items[]"',
        none,
      ),
    ).toMatchObject({ kind: 'nothing', call: 'apigateway.get_rest_apis', path: 'items[]' });
    expect(parseStep('"ec2.describe_volumes" returns a "NextToken"', none)).toEqual({ kind: 'neutral' });
  });

  it('reads conditions on a call response, errors and rule parameters', () => {
    expect(
      parseStep('"guardduty.get_detector" returns "Status" "ENABLED" and no "Features[].Name" "S3_DATA_EVENTS"', none),
    ).toEqual({
      kind: 'conditions',
      conditions: [
        {
          path: 'Status',
          call: 'guardduty.get_detector',
          predicate: { op: 'eq', operand: { kind: 'value', value: 'ENABLED' } },
        },
        {
          path: 'Features[].Name',
          call: 'guardduty.get_detector',
          predicate: { op: 'notcontains', value: 'S3_DATA_EVENTS' },
        },
      ],
    });
    expect(
      parseStep('"s3.get_bucket_policy" for that bucket fails with the error code NoSuchBucketPolicy', none),
    ).toEqual({
      kind: 'error',
      call: 's3.get_bucket_policy',
      code: 'NoSuchBucketPolicy',
    });
    expect(parseStep('the rule parameter "maxAccessKeyAge" is not set', none)).toEqual({
      kind: 'param',
      name: 'maxAccessKeyAge',
      predicate: { op: 'notset' },
    });
    expect(parseStep('the rule parameter "maxDays" is invalid', none)).toMatchObject({ predicate: { op: 'invalid' } });
  });

  it('reads every predicate form of the grammar', () => {
    const p = new Set(['allowedKeys', 'minLength']);
    const cases: [string, unknown][] = [
      ['is "Enabled"', { op: 'eq', operand: { kind: 'value', value: 'Enabled' } }],
      ['is not "ACTIVE"', { op: 'neq', operand: { kind: 'value', value: 'ACTIVE' } }],
      ['is false', { op: 'eq', operand: { kind: 'value', value: false } }],
      ['is 0', { op: 'eq', operand: { kind: 'value', value: 0 } }],
      ['is empty or not set', { op: 'emptyOrNotset' }],
      ['is not empty', { op: 'notempty' }],
      ['is "BASIC" or not set', { op: 'inOrNotset', values: ['BASIC'] }],
      ['is "TLSv1.2" or "TLSv1.3"', { op: 'in', values: ['TLSv1.2', 'TLSv1.3'] }],
      ['is one of a, b and c', { op: 'in', values: ['a', 'b', 'c'] }],
      ['is not one of mysql and mariadb', { op: 'notin', values: ['mysql', 'mariadb'] }],
      ['contains "x"', { op: 'contains', value: 'x' }],
      ['does not contain "x"', { op: 'notcontains', value: 'x' }],
      ['holds audit, error and general', { op: 'holds', values: ['audit', 'error', 'general'] }],
      ['holds only postgresql, without upgrade', { op: 'holdsOnly', values: ['postgresql'] }],
      ['is 7 or more', { op: 'gte', operand: { kind: 'value', value: 7 } }],
      ['is at most 90', { op: 'lte', operand: { kind: 'value', value: 90 } }],
      ['is more than 1', { op: 'gt', operand: { kind: 'value', value: 1 } }],
      ['is less than 3', { op: 'lt', operand: { kind: 'value', value: 3 } }],
      ['is between 1 and 5', { op: 'between', low: 1, high: 5 }],
      ['is in "allowedKeys"', { op: 'inParam', param: 'allowedKeys' }],
      ['is not in "allowedKeys"', { op: 'notinParam', param: 'allowedKeys' }],
      ['is at least "minLength"', { op: 'gte', operand: { kind: 'param', name: 'minLength' } }],
      ['is more than 90 days old', { op: 'olderThan', operand: { kind: 'value', value: 90 } }],
      ['is "minLength" days old or less', { op: 'notOlderThan', operand: { kind: 'param', name: 'minLength' } }],
      ['is the evaluated Region', { op: 'eq', operand: { kind: 'member', key: '@region' } }],
      ['is not the evaluated Region', { op: 'neq', operand: { kind: 'member', key: '@region' } }],
      [
        'equals the "Reservations[].Instances[].Tags[]"',
        { op: 'eq', operand: { kind: 'member', key: 'Reservations[].Instances[].Tags[]' } },
      ],
      ['differs from the "Tags[]"', { op: 'neq', operand: { kind: 'member', key: 'Tags[]' } }],
      ['starts with arn:aws:wafv2:', { op: 'startsWith', value: 'arn:aws:wafv2:' }],
      ['does not start with "arn:"', { op: 'notStartsWith', value: 'arn:' }],
      ['ends with /aws/sns', { op: 'endsWith', value: '/aws/sns' }],
      ['does not end with .json', { op: 'notEndsWith', value: '.json' }],
    ];
    for (const [text, expected] of cases) expect([text, parsePredicate(text, p)]).toEqual([text, expected]);
  });

  it('reads the derived-member forms: map entries, keyed entries, quantifiers, counts, policy statements', () => {
    const eq = (value: unknown) => ({ op: 'eq', operand: { kind: 'value', value } });
    expect(parseStep('its "Attributes{}" value of "KmsMasterKeyId" is set', none)).toEqual({
      kind: 'conditions',
      conditions: [
        { path: 'Attributes{}', predicate: { op: 'set' }, derive: { kind: 'mapEntry', entry: 'KmsMasterKeyId' } },
      ],
    });
    expect(
      parseStep('the "Features[].Status" of the entry whose "Features[].Name" is EKS_AUDIT_LOGS is ENABLED', none),
    ).toMatchObject({
      conditions: [
        {
          path: 'Features[].Status',
          predicate: eq('ENABLED'),
          derive: { kind: 'keyedEntry', keyPath: 'Features[].Name', keyValue: 'EKS_AUDIT_LOGS' },
        },
      ],
    });
    expect(parseStep('some "Rules[].Actions[].Type" is not redirect', none)).toMatchObject({
      conditions: [{ predicate: { op: 'some', predicate: { op: 'neq' } } }],
    });
    expect(parseStep('no "severityLevels[].code" is critical', none)).toMatchObject({
      conditions: [{ predicate: { op: 'none', predicate: eq('critical') } }],
    });
    expect(parseStep('the number of "Subscriptions[]" is 1 or more', none)).toMatchObject({
      conditions: [{ path: 'Subscriptions[]', predicate: { op: 'count', predicate: { op: 'gte' } } }],
    });
    expect(
      parseStep(
        'the "PolicyVersion.Document" document has a statement with Effect Allow, Action "*" and Resource "*"',
        none,
      ),
    ).toMatchObject({
      conditions: [
        {
          predicate: eq(true),
          derive: {
            kind: 'statement',
            fields: [
              { field: 'Effect', value: 'Allow' },
              { field: 'Action', value: '*' },
              { field: 'Resource', value: '*' },
            ],
          },
        },
      ],
    });
    expect(parseStep('the number of "Subscriptions[]" is set', none)).toBeUndefined();
    expect(parseStep('its "Policy" document has a statement with Sid x', none)).toBeUndefined();
  });

  it('reads every example step and test the generator is taught (prompt-variants/templates/format.md)', () => {
    const format = readFileSync(
      join(import.meta.dirname, '..', '..', '..', 'prompt-variants', 'templates', 'format.md'),
      'utf8',
    );
    const params = new Set(['minimumValue', 'maximumAge', 'allowedValues']);
    const steps = [...format.matchAll(/`(?:Given|And) ([^`<]+?)`/g)]
      .map((m) => m[1] as string)
      .filter((step) => !step.includes('...'));
    expect(steps.length).toBeGreaterThan(12);
    for (const step of steps) expect([step, parseStep(step, params) !== undefined]).toEqual([step, true]);
    const tests = /^- (?:More )?[Tt]ests: (.+)$/gm;
    const predicates = [...format.matchAll(tests)].flatMap((m) =>
      [...(m[1] as string).matchAll(/`([^`]+)`/g)].map((t) => t[1] as string),
    );
    expect(predicates.length).toBeGreaterThan(25);
    for (const predicate of predicates.filter((p) => /^(is|does|contains|starts|ends|equals|differs)\b/.test(p)))
      expect([predicate, parsePredicate(predicate, params) !== undefined]).toEqual([predicate, true]);
  });

  it('understands nothing it was not taught', () => {
    expect(parseStep('the evaluation is carried out carefully and consistently', none)).toBeUndefined();
    expect(parseStep('its "X" is the Region being evaluated', none)).toBeUndefined();
  });
});
