/** Models as objects `{ id, label?, config? }`: names, case keys, secrets, and errors in the file. */
import { describe, expect, it } from 'vitest';
import { type LoadedExperiment, parseExperimentText } from '../../src/config/load.js';
import { configHash, isSecretKey, planModel, REDACTED, redactSecrets } from '../../src/config/models.js';
import { buildPlan } from '../../src/config/plan.js';
import { loadDataset } from '../../src/dataset/load.js';
import { UserError } from '../../src/errors.js';

const dataset = await loadDataset();

function plan(text: string) {
  const loaded: LoadedExperiment = { config: parseExperimentText(text, 'e.yaml'), file: 'e.yaml', baseDir: '/tmp' };
  return buildPlan(loaded, { dataset, cwd: '/tmp/gb-models', now: new Date('2026-01-02T03:04:05Z') });
}

const HTTP = 'id: http\n    config: { url: "http://127.0.0.1:1/v1/chat/completions", body: { m: "{{prompt}}" } }';

describe('models with a provider configuration', () => {
  it('a plain id keeps its name and case keys; an object without config is the same model', async () => {
    const plain = await plan('models: [offline:reference]\nvariants: [none]\ndataset: { limit: 2 }');
    const object = await plan('models: [{ id: offline:reference }]\nvariants: [none]\ndataset: { limit: 2 }');
    expect(object.models).toEqual(['offline:reference']);
    expect(object.cases.map((c) => c.key)).toEqual(plain.cases.map((c) => c.key));
    // a label renames the model in records and reports, not its cases
    const labelled = await plan(
      'models: [{ id: "openai:chat:tiny", label: Reference }]\nvariants: [none]\ndataset: { limit: 2 }',
    );
    const bare = await plan('models: ["openai:chat:tiny"]\nvariants: [none]\ndataset: { limit: 2 }');
    expect(labelled.models).toEqual(['Reference']);
    expect(labelled.cases.map((c) => c.model)).toEqual(['Reference', 'Reference']);
    expect(labelled.cases.map((c) => c.key)).toEqual(bare.cases.map((c) => c.key));
  });

  it('two configs of one id are two models with their own cases', async () => {
    const p = await plan(
      `models:\n  - ${HTTP}\n    label: a\n  - id: http\n    label: b\n    config: { url: "http://127.0.0.1:2/v1", body: { m: "{{prompt}}" } }\nvariants: [none]\ndataset: { limit: 1 }`,
    );
    expect(p.models).toEqual(['a', 'b']);
    expect(p.modelSpecs.map((m) => m.keyPart)).toEqual([
      expect.stringMatching(/^http#[0-9a-f]{12}$/),
      expect.stringMatching(/^http#[0-9a-f]{12}$/),
    ]);
    expect(new Set(p.cases.map((c) => c.key)).size).toBe(2);
    // without a label, the name is id#hash, so both still differ
    const unlabelled = await plan(`models:\n  - ${HTTP}\nvariants: [none]\ndataset: { limit: 1 }`);
    expect(unlabelled.models[0]).toBe(p.modelSpecs[0]?.keyPart);
  });

  it('the same config twice, or two models with one label, is refused naming the entry', async () => {
    await expect(plan(`models:\n  - ${HTTP}\n  - ${HTTP}\n`)).rejects.toThrow(
      /e\.yaml: models\[1\]: model "http#[0-9a-f]{12}" appears twice/,
    );
    await expect(
      plan('models: [{ id: "openai:chat:a", label: x }, { id: "openai:chat:b", label: x }]'),
    ).rejects.toThrow('models[1]: model "x" appears twice');
  });

  it('the offline generator keeps its name, so no report shows its candidates under a model-like label', async () => {
    await expect(plan('models: [{ id: offline, label: Reference }]')).rejects.toThrow(
      'e.yaml: models[0]: the offline reference generator is not an LLM and keeps its name "offline"; drop its label and config',
    );
  });

  it('redacts secret-named config keys in the plan config (what the manifest records), not the connecting spec', async () => {
    const p = await plan(
      'models:\n  - id: openai:chat:tiny\n    config: { apiBaseUrl: "http://127.0.0.1:1/v1", apiKey: sk-live-123, max_tokens: 5, headers: { Authorization: Bearer x } }\njudge: { model: { id: "openai:chat:judge", config: { api_key: sk-judge } } }',
    );
    const json = JSON.stringify(p.config);
    expect(json).not.toContain('sk-live-123');
    expect(json).not.toContain('sk-judge');
    expect(json).not.toContain('Bearer x');
    expect(p.config.models[0]).toMatchObject({
      config: { apiKey: REDACTED, max_tokens: 5, apiBaseUrl: expect.any(String) },
    });
    expect(p.modelSpecs[0]?.config?.apiKey).toBe('sk-live-123');
    expect(p.judge?.spec.config?.api_key).toBe('sk-judge');
    expect(p.judge?.model).toMatch(/^openai:chat:judge#[0-9a-f]{12}$/);
  });

  it('a rotated secret keeps the model and its cases', () => {
    const a = planModel({ id: 'openai:chat:m', config: { apiBaseUrl: 'u', apiKey: 'old' } });
    const b = planModel({ id: 'openai:chat:m', config: { apiBaseUrl: 'u', apiKey: 'new' } });
    const c = planModel({ id: 'openai:chat:m', config: { apiBaseUrl: 'v', apiKey: 'new' } });
    expect(a.keyPart).toBe(b.keyPart);
    expect(c.keyPart).not.toBe(a.keyPart);
    expect(configHash({ b: 1, a: 2 })).toBe(configHash({ a: 2, b: 1 }));
  });

  it('tells secret keys from look-alikes', () => {
    for (const key of ['apiKey', 'api_key', 'OPENAI-API-KEY', 'token', 'accessToken', 'clientSecret', 'password'])
      expect(isSecretKey(key), key).toBe(true);
    for (const key of ['max_tokens', 'maxTokens', 'url', 'body', 'transformResponse', 'model'])
      expect(isSecretKey(key), key).toBe(false);
    expect(redactSecrets({ headers: [{ authorization: 'x' }], n: 1 })).toEqual({
      headers: [{ authorization: REDACTED }],
      n: 1,
    });
  });

  it('a malformed model entry is one line naming the field', () => {
    let error: unknown;
    try {
      parseExperimentText('models:\n  - 42\n  - { id: http, lable: x }\n', 'e.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).lines).toEqual([
      'e.yaml:2: models[0]: expected a model id or a model mapping (id, label, config)',
      'e.yaml:3: models[1]: unknown field "lable" (did you mean label?)',
    ]);
  });
});
