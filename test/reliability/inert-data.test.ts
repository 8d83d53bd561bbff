/**
 * Hostile data that is legitimately accepted must stay data through a real run: template syntax in
 * a requirement reaches the model verbatim (never evaluated), and a model's reply carrying
 * `<script>` and event-handler markup is stored as the candidate and shown as text in the report.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeBedrock, reply, sampleFromSchema, startFakeBedrock } from '../support/fake-bedrock.js';
import { detailOf, pageData } from '../support/report-details.js';
import { cleanEnv, startCli } from './child-cli.js';

const DATASET = resolve('test/fixtures/hostile/datasets/template-requirement');
const SCRIPT_CANDIDATE = readFileSync(resolve('test/fixtures/hostile/candidates/script.feature'), 'utf8');
const TEMPLATE_BITS = [
  '{{ item.gold }}',
  '{% if true %}never{% endif %}',
  `\${process.env.HOME}`,
  `\${{ secrets.AWS }}`,
  '<%= x %>',
];

describe('hostile data stays data through a run', () => {
  let fake: FakeBedrock;
  let work: string;

  beforeAll(async () => {
    fake = await startFakeBedrock();
    fake.respond((request) => {
      const tool = request.body?.toolConfig?.tools?.[0]?.toolSpec;
      if (tool) return reply.tool(sampleFromSchema(tool.inputSchema?.json));
      return reply.text(`\`\`\`gherkin\n${SCRIPT_CANDIDATE}\`\`\`\n`);
    });
    work = mkdtempSync(join(tmpdir(), 'gb-inert-'));
    writeFileSync(
      join(work, 'experiment.yaml'),
      [
        'name: inert',
        `dataset: { path: ${JSON.stringify(DATASET)} }`,
        'variants: [none, cot+rag]',
        'models: ["bedrock:anthropic.claude-3-5-haiku-20241022-v1:0"]',
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await fake.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('sends template syntax verbatim and renders <script> candidates as text', { timeout: 120_000 }, async () => {
    const env = {
      ...cleanEnv(),
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
      AWS_SECRET_ACCESS_KEY: 'fake/secret/for/the/inert/data/test/0000',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      NO_COLOR: '1',
    };
    const run = await startCli(['run', 'experiment.yaml', '--run-id', 'inert'], work, env).exit;
    expect(run.stderr).not.toMatch(/internal error|^\s+at /m);
    expect(run.code, run.stderr).toBe(0);

    // The requirement reached every prompt that shows it exactly as written.
    const prompts = fake.requests.map(
      (r) => JSON.stringify(r.body?.messages ?? []) + JSON.stringify(r.body?.system ?? []),
    );
    expect(prompts.length).toBeGreaterThan(0);
    for (const bit of TEMPLATE_BITS)
      expect(
        prompts.some((p) => p.includes(JSON.stringify(bit).slice(1, -1))),
        bit,
      ).toBe(true);
    expect(prompts.join('')).not.toContain(process.env.HOME ?? '/nonexistent-home');

    // The candidate is stored verbatim and the report holds it only as data (the compressed drill-down).
    const runDir = join(work, 'reports', 'inert');
    const records = readFileSync(join(runDir, 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(
      records.every((r: { candidate: string }) => r.candidate.includes('<script>alert(document.cookie)</script>')),
    ).toBe(true);
    const html = readFileSync(join(runDir, 'index.html'), 'utf8');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    const data = pageData(html);
    records.forEach((r: { candidate: string }, i: number) => {
      expect(detailOf(data.details, i).candidate).toBe(r.candidate);
    });
  });
});
