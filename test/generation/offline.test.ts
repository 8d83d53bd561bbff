import { describe, expect, it } from 'vitest';
import { analysisSchema } from '../../src/generation/analysis.js';
import { extractGherkin } from '../../src/generation/extract.js';
import { approxTokens, createOfflineProvider, OFFLINE_PROVIDER_ID } from '../../src/generation/providers/offline.js';
import { enumValuesIn } from '../../src/generation/providers/offline-fields.js';
import type { GenerationContext, ModelRequest, RetrievedPassage } from '../../src/generation/providers/types.js';
import { parseControl } from '../../src/gherkin/parse.js';
import { POOL } from './items.js';

const REQUIREMENT = 'SageMaker notebook instances must not have direct internet access.';
const ctx = (extra: Partial<GenerationContext> = {}): GenerationContext => ({
  step: 'single',
  requirement: REQUIREMENT,
  service: 'sagemaker',
  resourceType: 'AWS::SageMaker::NotebookInstance',
  ...extra,
});
const request = (context: GenerationContext): ModelRequest => ({
  system: 'system prompt',
  messages: [{ role: 'user', content: 'the rendered prompt' }],
  params: {},
  context,
});

/** Passages in the knowledge base's rendered format. */
const PASSAGES: RetrievedPassage[] = [
  {
    service: 'sagemaker',
    operation: 'ListNotebookInstances',
    method: 'list_notebook_instances',
    score: 9,
    members: ['NotebookInstances[].NotebookInstanceName'],
    text: 'sagemaker.list_notebook_instances() — Returns a list of notebook instances.\n  -> NotebookInstances[].NotebookInstanceName: string — The name.',
  },
  {
    service: 'sagemaker',
    operation: 'DescribeNotebookInstance',
    method: 'describe_notebook_instance',
    score: 8,
    members: ['DirectInternetAccess', 'KmsKeyId', 'NotebookInstanceName'],
    text: [
      'sagemaker.describe_notebook_instance(NotebookInstanceName) — Returns information about a notebook instance.',
      '  -> DirectInternetAccess: enum(Enabled|Disabled) — Describes whether SageMaker provides internet access.',
      '  -> KmsKeyId: string — The KMS key ID used to encrypt the ML storage volume.',
      '  -> NotebookInstanceName: string — The name.',
    ].join('\n'),
  },
];

const gherkinOf = async (context: GenerationContext) =>
  extractGherkin((await createOfflineProvider().call(request(context))).text);

describe('offline reference generator', () => {
  it('is deterministic', async () => {
    const p = createOfflineProvider();
    const a = await p.call(request(ctx({ passages: PASSAGES })));
    const b = await p.call(request(ctx({ passages: PASSAGES })));
    expect(a.text).toBe(b.text);
    expect(a.modelId).toBe(OFFLINE_PROVIDER_ID);
  });

  it('answers in a gherkin fence after a preamble, with parseable canonical gherkin', async () => {
    const res = await createOfflineProvider().call(request(ctx()));
    expect(res.text).toMatch(/^Here is .*\n\n```gherkin\n/);
    const parsed = parseControl(extractGherkin(res.text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.control.outcomes).toEqual(expect.arrayContaining(['NOT_APPLICABLE', 'NON_COMPLIANT', 'COMPLIANT']));
    expect(parsed.control.fields['Reports on']).toBe('AWS::SageMaker::NotebookInstance');
  });

  it('counts tokens as ceil(chars / 4)', async () => {
    const req = request(ctx());
    const res = await createOfflineProvider().call(req);
    expect(res.usage.inputTokens).toBe(approxTokens('system prompt' + 'the rendered prompt'));
    expect(res.usage.outputTokens).toBe(Math.ceil(res.text.length / 4));
  });

  it("counts an agent turn's tool calls and tool results as input, not as [object Object]", async () => {
    const result = '[{"call":"sagemaker.describe_notebook_instance"}]';
    const res = await createOfflineProvider().call({
      ...request({
        ...ctx(),
        step: 'agent',
        toolResults: [{ name: 'search_api', input: { query: 'q' }, isError: false }],
      }),
      messages: [
        { role: 'user', content: 'the rendered prompt' },
        {
          role: 'assistant',
          content: [{ type: 'toolUse', toolUseId: 't1', name: 'search_api', input: { query: 'q' } }],
        },
        { role: 'user', content: [{ type: 'toolResult', toolUseId: 't1', content: result }] },
      ],
    });
    expect(res.usage.inputTokens).toBe(
      approxTokens(`system promptthe rendered promptsearch_api ${JSON.stringify({ query: 'q' })}${result}`),
    );
  });

  it('without RAG guesses names from the requirement words', async () => {
    const g = await gherkinOf(ctx());
    expect(g).toContain('"sagemaker.list_notebook_instances"');
    expect(g).toContain('"sagemaker.describe_notebook_instance"');
    expect(g).toContain('"DirectInternetAccess" is true');
  });

  it('with RAG writes its calls, member paths and enum values from the passages', async () => {
    const without = await gherkinOf(ctx());
    const withRag = await gherkinOf(ctx({ passages: PASSAGES }));
    expect(withRag).not.toBe(without);
    expect(withRag).toContain('And its "DirectInternetAccess" is "Enabled"');
    expect(withRag).toContain('And its "DirectInternetAccess" is "Disabled"');
    expect(withRag).not.toContain('"NotebookInstanceName"');
  });

  it('with RAG names the list member of the enumerating call in the NOT_APPLICABLE step', async () => {
    const g = await gherkinOf(ctx({ passages: PASSAGES }));
    expect(g).toContain(
      'Given "sagemaker.list_notebook_instances" returns no notebook instances in "NotebookInstances[]"',
    );
  });

  it('with RAG but no matching member falls back to word-formed fields on a retrieved describe call', async () => {
    const g = await gherkinOf(
      ctx({ requirement: 'SageMaker notebook instances must not be idle.', passages: PASSAGES }),
    );
    expect(g).toContain('Given a notebook instance described by "sagemaker.describe_notebook_instance"');
    expect(g).toContain('And its "Idle" is true');
  });

  it('with RAG about an encryption requirement picks the key field and the absent case', async () => {
    const g = await gherkinOf(
      ctx({
        requirement: 'SageMaker notebook instances must encrypt their storage volumes with a KMS key.',
        passages: PASSAGES,
      }),
    );
    expect(g).toContain('And its "KmsKeyId" is not set');
    expect(g).toContain('And its "KmsKeyId" is set');
  });

  it('reads only the context: no context is a provider error', async () => {
    await expect(
      createOfflineProvider().call({ messages: [{ role: 'user', content: 'x' }], params: {} }),
    ).rejects.toThrow(/needs request.context/);
  });

  it('returns a schema-valid JSON analysis at the CoT analysis step', async () => {
    const res = await createOfflineProvider().call(request(ctx({ step: 'analysis', passages: PASSAGES })));
    expect(analysisSchema.safeParse(res.json).success).toBe(true);
    expect(JSON.parse(/```json\n([\s\S]*?)```/.exec(res.text)![1]!)).toEqual(res.json);
    const analysis = analysisSchema.parse(res.json);
    expect(analysis.boto3_calls).toContain('sagemaker.describe_notebook_instance');
  });

  it('derives the gherkin step from context.analysis', async () => {
    const analysis = {
      resources: ['AWS::SageMaker::NotebookInstance'],
      boto3_calls: ['sagemaker.list_notebook_instances', 'sagemaker.describe_notebook_instance'],
      insecure_configurations: ['RootAccess Enabled'],
      checks: [
        {
          description: 'none',
          call: 'sagemaker.list_notebook_instances',
          field: '',
          condition: 'returns no notebook instances',
          outcome: 'NOT_APPLICABLE',
        },
        {
          description: 'root',
          call: 'sagemaker.describe_notebook_instance',
          field: 'RootAccess',
          condition: 'is "Enabled"',
          outcome: 'NON_COMPLIANT',
        },
        {
          description: 'ok',
          call: 'sagemaker.describe_notebook_instance',
          field: 'RootAccess',
          condition: 'is "Disabled"',
          outcome: 'COMPLIANT',
        },
      ],
    };
    const g = await gherkinOf(ctx({ step: 'gherkin', analysis }));
    expect(g).toContain('And its "RootAccess" is "Enabled"');
    expect(g).not.toContain('DirectInternetAccess');
  });

  it('with exemplars follows the nearest one: its outcome order, trigger and non-compliant count', async () => {
    const bucket = POOL.find((i) => i.id === 's3-bucket-default-encryption')!;
    const context = ctx({
      requirement: 'S3 buckets must encrypt objects at rest by default with KMS keys.',
      service: 's3',
      resourceType: 'AWS::S3::Bucket',
      exemplars: [{ id: bucket.id, requirement: bucket.requirement, gherkin: bucket.goldText }],
    });
    const plain = parseControl(await gherkinOf({ ...context, exemplars: undefined }));
    const shaped = parseControl(await gherkinOf(context));
    expect(plain.ok && shaped.ok).toBe(true);
    if (!plain.ok || !shaped.ok) return;
    expect(plain.control.scenarios.map((s) => s.outcomes[0])).toEqual(['NOT_APPLICABLE', 'NON_COMPLIANT', 'COMPLIANT']);
    expect(shaped.control.scenarios.map((s) => s.outcomes[0])).toEqual([
      'NOT_APPLICABLE',
      'COMPLIANT',
      'NON_COMPLIANT',
      'NON_COMPLIANT',
    ]);
    expect(shaped.control.fields.Trigger).toBe('Periodic');
    expect(plain.control.fields.Trigger).toBe('Configuration changes');
  });

  it('borrows a same-service call an exemplar quotes when there is no RAG', async () => {
    const g = await gherkinOf(
      ctx({
        requirement: 'Notebook servers must not let their users become root.',
        exemplars: [{ id: 'e', requirement: 'x', gherkin: POOL[0]!.goldText }],
      }),
    );
    expect(g).toContain('"sagemaker.list_notebook_instances"');
  });

  it('states a threshold as a rule parameter with an ERROR scenario', async () => {
    const g = await gherkinOf(
      ctx({
        requirement: 'CloudTrail trails must keep logs for at least 90 days.',
        service: 'cloudtrail',
        resourceType: 'AWS::CloudTrail::Trail',
      }),
    );
    expect(g).toContain('Rule Parameters: minimumDays (int, optional, default 90)');
    expect(g).toContain('Then the rule returns ERROR');
  });
});

describe('enumValuesIn', () => {
  it('reads enum(...) lines, boto3 response syntax and "one of" lists', () => {
    expect(enumValuesIn('  -> A.B: enum(X|Y|Z) — doc', 'A.B')).toEqual(['X', 'Y', 'Z']);
    expect(enumValuesIn("'RootAccess': 'Enabled'|'Disabled',", 'RootAccess')).toEqual(['Enabled', 'Disabled']);
    expect(enumValuesIn('SSEAlgorithm — one of: AES256, aws:kms', 'Rules[].SSEAlgorithm')).toEqual([
      'AES256',
      'aws:kms',
    ]);
    expect(enumValuesIn('  -> Other: enum(X|Y)', 'KmsKeyId')).toEqual([]);
  });
});
