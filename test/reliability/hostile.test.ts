/**
 * The hostile-input corpus (test/fixtures/hostile/) through the real CLI, in-process. Every bad
 * input must give exactly one line on stderr naming the file (and the line or field where there
 * is one), exit 2, no stack trace, no raw control characters, and leave the working folder and
 * the input itself exactly as they were (no partial run folder, no cache entry, no report).
 * Inputs that are legitimately fine (a BOM, CRLF line ends, template syntax in a requirement)
 * must be handled as data. Huge inputs are generated into a temp folder at test time.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { detailOf, pageData } from '../support/report-details.js';
import { syntheticRun } from '../support/synthetic-run.js';
import { type CliResult, expectOneLineError, runInProcess, snapshotTree } from './support.js';

const HOSTILE = resolve('test/fixtures/hostile');
const fixture = (path: string) => join(HOSTILE, path);
const GOOD_GOLD = resolve('test/fixtures/hostile/datasets/bom-crlf/sagemaker-notebook-no-direct-internet.feature');
const HEADER = 'id,control_id,service,resource_type,category,severity,requirement,methods,gold,split';

/** The per-test working folder: the CLI's cwd, so anything it writes lands here. */
interface Ctx {
  work: string;
  out: string;
}

/** One corpus entry: how to feed it to the CLI and what must come out. */
interface HostileCase {
  /** Name (the fixture path under test/fixtures/hostile/, or `generated:…`). */
  name: string;
  argv: (ctx: Ctx) => string[];
  /** A bad input: the error line names this file fragment and matches `where`. */
  file?: string | ((ctx: Ctx) => string);
  where?: RegExp;
  /** Inputs that are fine: what a safe handling looks like. */
  safe?: (result: CliResult, ctx: Ctx) => void;
  /** Copy the fixture into the work folder first (commands that may write beside their input). */
  copy?: string;
  /** Build a generated input inside the work folder. */
  setup?: (ctx: Ctx) => void | Promise<void>;
}

const run = (file: string) => (ctx: Ctx) => ['run', fixture(file), '--out', ctx.out];
const stats = (dir: string) => () => ['dataset', 'stats', fixture(dir)];

/** An experiment in the work folder that points at a hostile rubric. */
function rubricRun(rubric: string) {
  return (ctx: Ctx) => {
    const file = join(ctx.work, 'experiment.yaml');
    writeFileSync(
      file,
      `name: hostile-rubric\njudge:\n  model: bedrock:fake.judge-v1\n  rubric: ${JSON.stringify(fixture(rubric))}\n`,
    );
    return ['run', file, '--out', ctx.out];
  };
}

const calibrate = (file: string) => () => [
  'judge',
  'calibrate',
  '--judge',
  'bedrock:fake.judge-v1',
  '--no-cache',
  '--calibration',
  fixture(file),
];

const retrieval = (file: string) => () => ['eval-retrieval', '--dataset', fixture(file)];
const ground = (file: string) => () => ['ground', fixture(file)];
const gateBaseline = (file: string) => (ctx: Ctx) => [
  'gate',
  '--baseline',
  fixture(file),
  '--run',
  join(ctx.work, 'no-run'),
];

/** A stored synthetic run (manifest + results) and its baseline, for gate-rules cases. */
async function storedRunAndBaseline(ctx: Ctx): Promise<void> {
  const dir = join(ctx.work, 'run');
  mkdirSync(dir);
  const { manifest, records } = syntheticRun({ items: 6, seed: 3 });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
  writeFileSync(join(dir, 'results.jsonl'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const saved = await runInProcess(['baseline', 'save', dir, '--out', join(ctx.work, 'baseline.json')]);
  expect(saved.code, saved.stderr).toBe(0);
}

const gateRules = (file: string) => (ctx: Ctx) => [
  'gate',
  '--baseline',
  join(ctx.work, 'baseline.json'),
  '--run',
  join(ctx.work, 'run'),
  '--rules',
  fixture(file),
  '--junit',
  join(ctx.work, 'junit.xml'),
];

const resumeCopy = (dir: string) => (ctx: Ctx) => ['run', '--resume', join(ctx.work, dir)];

/** A dataset row for generated datasets. */
function row(id: string, requirement: string, gold = 'gold.feature'): string {
  return [
    id,
    '',
    'sagemaker',
    'AWS::SageMaker::NotebookInstance',
    'network-exposure',
    'high',
    JSON.stringify(requirement),
    'sagemaker.describe_notebook_instance',
    gold,
    'eval',
  ].join(',');
}

const CASES: HostileCase[] = [
  // ---- experiment files: wrong types, missing fields, unknown names, YAML attacks, encodings
  {
    name: 'experiments/wrong-type-repeats.yaml',
    argv: run('experiments/wrong-type-repeats.yaml'),
    where: /:3: repeats:/,
  },
  { name: 'experiments/wrong-type-models.yaml', argv: run('experiments/wrong-type-models.yaml'), where: /:2: models:/ },
  {
    name: 'experiments/missing-judge-model.yaml',
    argv: run('experiments/missing-judge-model.yaml'),
    where: /judge\.model/,
  },
  { name: 'experiments/unknown-field.yaml', argv: run('experiments/unknown-field.yaml'), where: /:2: .*"modles"/ },
  { name: 'experiments/unknown-variant.yaml', argv: run('experiments/unknown-variant.yaml'), where: /variants\[0\]/ },
  { name: 'experiments/unknown-factor.yaml', argv: run('experiments/unknown-factor.yaml'), where: /:2: ablate\[1\]/ },
  {
    name: 'experiments/bad-inline-variant.yaml',
    argv: run('experiments/bad-inline-variant.yaml'),
    where: /:4: variants\[0\]\.rag/,
  },
  {
    name: 'experiments/concurrency-out-of-range.yaml',
    argv: run('experiments/concurrency-out-of-range.yaml'),
    where: /:2: concurrency/,
  },
  { name: 'experiments/seed-infinity.yaml', argv: run('experiments/seed-infinity.yaml'), where: /:2: seed/ },
  { name: 'experiments/negative-price.yaml', argv: run('experiments/negative-price.yaml'), where: /:3: prices\./ },
  { name: 'experiments/unknown-split.yaml', argv: run('experiments/unknown-split.yaml'), where: /:3: dataset\.split/ },
  { name: 'experiments/unknown-item.yaml', argv: run('experiments/unknown-item.yaml'), where: /dataset\.items\[0\]/ },
  {
    name: 'experiments/missing-dataset.yaml',
    argv: run('experiments/missing-dataset.yaml'),
    file: 'no-such-dataset-folder',
    where: /not a dataset folder/,
  },
  {
    name: 'experiments/missing-rubric.yaml',
    argv: run('experiments/missing-rubric.yaml'),
    where: /judge\.rubric: rubric not found/,
  },
  {
    name: 'experiments/duplicate-keys.yaml',
    argv: run('experiments/duplicate-keys.yaml'),
    where: /:3: not valid YAML/,
  },
  { name: 'experiments/tab-indent.yaml', argv: run('experiments/tab-indent.yaml'), where: /:3: not valid YAML/ },
  { name: 'experiments/invalid-yaml.yaml', argv: run('experiments/invalid-yaml.yaml'), where: /:\d+: not valid YAML/ },
  { name: 'experiments/not-a-mapping.yaml', argv: run('experiments/not-a-mapping.yaml'), where: /:1: .*mapping/ },
  {
    name: 'experiments/yaml-bomb.yaml',
    argv: run('experiments/yaml-bomb.yaml'),
    where: /not valid YAML: Excessive alias count/,
  },
  {
    name: 'experiments/unresolved-alias.yaml',
    argv: run('experiments/unresolved-alias.yaml'),
    where: /not valid YAML: Unresolved alias.*nowhere/,
  },
  { name: 'experiments/recursive-alias.yaml', argv: run('experiments/recursive-alias.yaml'), where: /:2: models/ },
  { name: 'experiments/binary.yaml', argv: run('experiments/binary.yaml'), where: /:1: / },
  { name: 'experiments/utf16.yaml', argv: run('experiments/utf16.yaml'), where: /:1: / },

  // ---- dataset indexes (controls.csv) and gold files
  {
    name: 'datasets/unbalanced-quotes',
    argv: stats('datasets/unbalanced-quotes'),
    file: 'controls.csv',
    where: /:2: unbalanced quotes/,
  },
  {
    name: 'datasets/wrong-column-count',
    argv: stats('datasets/wrong-column-count'),
    file: 'controls.csv',
    where: /:2: 11 fields/,
  },
  { name: 'datasets/nul-bytes', argv: stats('datasets/nul-bytes'), file: 'controls.csv', where: /:2: id:/ },
  {
    name: 'datasets/terminal-escape',
    argv: stats('datasets/terminal-escape'),
    file: 'controls.csv',
    where: /:2: id: .*\\u001b/,
  },
  {
    name: 'datasets/gold-path-traversal',
    argv: stats('datasets/gold-path-traversal'),
    file: 'controls.csv',
    where: /:2: gold: "\.\.\/\.\.\/etc\/passwd" escapes the dataset folder/,
  },
  {
    name: 'datasets/gold-path-traversal (through run)',
    argv: (ctx) => {
      const file = join(ctx.work, 'experiment.yaml');
      writeFileSync(file, `dataset:\n  path: ${JSON.stringify(fixture('datasets/gold-path-traversal'))}\n`);
      return ['run', file, '--out', ctx.out];
    },
    file: 'gold-path-traversal/controls.csv',
    where: /:2: gold: .*escapes/,
  },
  {
    name: 'datasets/gold-absolute-path',
    argv: stats('datasets/gold-absolute-path'),
    file: 'controls.csv',
    where: /:2: gold: .*absolute/,
  },
  { name: 'datasets/empty-index', argv: stats('datasets/empty-index'), file: 'controls.csv', where: /:1: empty index/ },
  { name: 'datasets/binary-index', argv: stats('datasets/binary-index'), file: 'controls.csv', where: /:\d+: / },
  {
    name: 'datasets/missing-gold-column',
    argv: stats('datasets/missing-gold-column'),
    file: 'controls.csv',
    where: /:1: missing column/,
  },
  {
    name: 'datasets/unknown-split-cell',
    argv: stats('datasets/unknown-split-cell'),
    file: 'controls.csv',
    where: /:2: split:/,
  },
  { name: 'datasets/binary-gold', argv: stats('datasets/binary-gold'), file: '.feature', where: /:1: does not parse/ },
  { name: 'datasets/empty-gold', argv: stats('datasets/empty-gold'), file: '.feature', where: /:1: does not parse/ },
  {
    name: 'datasets/bom-crlf (handled: loads clean)',
    argv: stats('datasets/bom-crlf'),
    safe: (r) => {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('1 items');
    },
  },
  {
    name: 'datasets/template-requirement (handled: data, not a template)',
    argv: stats('datasets/template-requirement'),
    safe: (r) => {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('1 items');
    },
  },
  {
    name: 'generated: gold symlink leading out of the folder',
    setup: (ctx) => {
      const dir = join(ctx.work, 'link-dataset');
      mkdirSync(dir);
      symlinkSync('/etc/passwd', join(dir, 'gold.feature'));
      writeFileSync(join(dir, 'controls.csv'), `${HEADER}\n${row('linked-gold', 'Notebooks must be private.')}\n`);
    },
    argv: (ctx) => ['dataset', 'stats', join(ctx.work, 'link-dataset')],
    file: 'controls.csv',
    where: /:2: gold: .*outside the dataset folder/,
  },
  {
    name: 'generated: 30 MB index whose last row has a wrong column count',
    setup: (ctx) => {
      const dir = join(ctx.work, 'huge-dataset');
      mkdirSync(dir);
      writeFileSync(join(dir, 'gold.feature'), readFileSync(GOOD_GOLD));
      const filler = 'Notebook instances must reach the internet only through the VPC. '.repeat(24);
      const rows = Array.from({ length: 20_000 }, (_, i) => row(`item-${i}`, filler));
      rows.push(`${row('item-last', 'x')},one-cell-too-many`);
      writeFileSync(join(dir, 'controls.csv'), `${HEADER}\n${rows.join('\n')}\n`);
    },
    argv: (ctx) => ['dataset', 'stats', join(ctx.work, 'huge-dataset')],
    file: 'controls.csv',
    where: /:20002: 11 fields/,
  },
  {
    name: 'generated: 10 MB gold gherkin (handled: parsed and counted)',
    setup: (ctx) => {
      const dir = join(ctx.work, 'huge-gold');
      mkdirSync(dir);
      const gold = readFileSync(GOOD_GOLD, 'utf8');
      const head = gold.slice(0, gold.indexOf('  Scenario:'));
      const scenario = (i: number) =>
        `  Scenario: Notebook ${i} has direct internet access\n    Given a notebook instance described by "sagemaker.describe_notebook_instance"\n    And its "DirectInternetAccess" is "Enabled"\n    Then the rule returns NON_COMPLIANT\n\n`;
      const parts = [head];
      let size = head.length;
      for (let i = 0; size < 10 * 1024 * 1024; i++) {
        const s = scenario(i);
        parts.push(s);
        size += s.length;
      }
      writeFileSync(join(dir, 'gold.feature'), parts.join(''));
      writeFileSync(join(dir, 'controls.csv'), `${HEADER}\n${row('huge-gold', 'Notebooks must be private.')}\n`);
    },
    argv: (ctx) => ['dataset', 'stats', join(ctx.work, 'huge-gold')],
    safe: (r) => {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('1 items');
    },
  },

  {
    name: 'generated: --out names a file, not a folder',
    setup: (ctx) => writeFileSync(join(ctx.work, 'not-a-folder'), 'x'),
    argv: (ctx) => ['run', '--limit', '1', '--variant', 'none', '--out', join(ctx.work, 'not-a-folder')],
    file: 'not-a-folder',
    where: /cannot create the run folder \(ENOTDIR\)/,
  },

  // ---- judge rubrics (loaded when an experiment names them)
  {
    name: 'rubrics/missing-anchor.yaml',
    argv: rubricRun('rubrics/missing-anchor.yaml'),
    where: /criteria\[clarity\]\.anchors\.5: missing anchor 5/,
  },
  {
    name: 'rubrics/duplicate-criterion.yaml',
    argv: rubricRun('rubrics/duplicate-criterion.yaml'),
    where: /duplicate criterion "correctness"/,
  },
  {
    name: 'rubrics/wrong-type-weight.yaml',
    argv: rubricRun('rubrics/wrong-type-weight.yaml'),
    where: /criteria\[correctness\]\.weight/,
  },
  { name: 'rubrics/no-criteria.yaml', argv: rubricRun('rubrics/no-criteria.yaml'), where: /criteria: / },
  { name: 'rubrics/yaml-bomb.yaml', argv: rubricRun('rubrics/yaml-bomb.yaml'), where: /alias/i },
  { name: 'rubrics/binary.yaml', argv: rubricRun('rubrics/binary.yaml'), where: /rubric/ },

  // ---- judge-calibration files
  {
    name: 'calibration/score-above-range.yaml',
    argv: calibrate('calibration/score-above-range.yaml'),
    where: /cases\[c1\]\.scores\.correctness: must be from 1 to 5/,
  },
  {
    name: 'calibration/score-zero.yaml',
    argv: calibrate('calibration/score-zero.yaml'),
    where: /cases\[c1\]\.scores\.correctness: must be from 1 to 5/,
  },
  {
    name: 'calibration/score-fractional.yaml',
    argv: calibrate('calibration/score-fractional.yaml'),
    where: /scores\.correctness: must be an integer/,
  },
  {
    name: 'calibration/score-string.yaml',
    argv: calibrate('calibration/score-string.yaml'),
    where: /scores\.correctness/,
  },
  {
    name: 'calibration/duplicate-case.yaml',
    argv: calibrate('calibration/duplicate-case.yaml'),
    where: /duplicate case id "c1"/,
  },
  {
    name: 'calibration/missing-labeller.yaml',
    argv: calibrate('calibration/missing-labeller.yaml'),
    where: /labeller/,
  },

  // ---- retrieval sets (eval-retrieval --dataset)
  {
    name: 'retrieval/missing-column.csv',
    argv: retrieval('retrieval/missing-column.csv'),
    where: /:1: methods: missing column/,
  },
  {
    name: 'retrieval/unknown-method.csv',
    argv: retrieval('retrieval/unknown-method.csv'),
    where: /:2: methods: .*not a Boto3 method/,
  },
  { name: 'retrieval/duplicate-id.csv', argv: retrieval('retrieval/duplicate-id.csv'), where: /:3: id: .*duplicate/ },
  { name: 'retrieval/empty.csv', argv: retrieval('retrieval/empty.csv'), where: /:1: id: missing column/ },
  { name: 'retrieval/binary.csv', argv: retrieval('retrieval/binary.csv'), where: /not valid CSV/ },
  {
    name: 'retrieval/unbalanced-quotes.csv',
    argv: retrieval('retrieval/unbalanced-quotes.csv'),
    where: /not valid CSV: Quote Not Closed/,
  },
  {
    name: 'retrieval/traversal-method.csv',
    argv: retrieval('retrieval/traversal-method.csv'),
    where: /:2: methods: "\.\.\/\.\.\/etc\/passwd" is not a Boto3 method/,
  },

  // ---- gherkin files (ground)
  { name: 'gherkins/empty.feature', argv: ground('gherkins/empty.feature'), where: /is empty/ },
  { name: 'gherkins/binary.feature', argv: ground('gherkins/binary.feature'), where: /binary/ },
  { name: 'gherkins/latin1.feature', argv: ground('gherkins/latin1.feature'), where: /not UTF-8/ },
  { name: 'gherkins/utf16.feature', argv: ground('gherkins/utf16.feature'), where: /binary/ },
  {
    name: 'gherkins/template-syntax.feature (handled: printed, never evaluated)',
    argv: ground('gherkins/template-syntax.feature'),
    safe: (r) => {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('ok   method "sagemaker.describe_notebook_instance"');
    },
  },
  {
    name: 'candidates/script.feature (handled: grounded as text)',
    argv: ground('candidates/script.feature'),
    safe: (r) => {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/references: \d+ valid, 0 unknown/);
    },
  },

  // ---- baselines and gate rules
  { name: 'baselines/truncated.json', argv: gateBaseline('baselines/truncated.json'), where: /not valid JSON/ },
  { name: 'baselines/wrong-schema.json', argv: gateBaseline('baselines/wrong-schema.json'), where: /: schema: / },
  { name: 'baselines/wrong-type.json', argv: gateBaseline('baselines/wrong-type.json'), where: /: dataset\.items: / },
  { name: 'baselines/empty.json', argv: gateBaseline('baselines/empty.json'), where: /not valid JSON/ },
  { name: 'baselines/binary.json', argv: gateBaseline('baselines/binary.json'), where: /not valid JSON/ },
  {
    name: 'rules/unknown-metric.yaml',
    setup: storedRunAndBaseline,
    argv: gateRules('rules/unknown-metric.yaml'),
    where: /rules\.0\.metric: unknown metric/,
  },
  {
    name: 'rules/rule-without-check.yaml',
    setup: storedRunAndBaseline,
    argv: gateRules('rules/rule-without-check.yaml'),
    where: /needs at least one of/,
  },
  {
    name: 'rules/alpha-out-of-range.yaml',
    setup: storedRunAndBaseline,
    argv: gateRules('rules/alpha-out-of-range.yaml'),
    where: /: alpha: /,
  },
  {
    name: 'rules/yaml-bomb.yaml',
    setup: storedRunAndBaseline,
    argv: gateRules('rules/yaml-bomb.yaml'),
    where: /not valid YAML: Excessive alias count/,
  },
  {
    name: 'rules/invalid-yaml.yaml',
    setup: storedRunAndBaseline,
    argv: gateRules('rules/invalid-yaml.yaml'),
    where: /not valid YAML/,
  },

  // ---- damaged run folders (resume): refused, and the folder is not touched
  {
    name: 'runs/corrupt-manifest',
    copy: 'runs/corrupt-manifest',
    argv: resumeCopy('corrupt-manifest'),
    file: 'manifest.json',
    where: /not valid JSON/,
  },
  {
    name: 'runs/wrong-schema-manifest',
    copy: 'runs/wrong-schema-manifest',
    argv: resumeCopy('wrong-schema-manifest'),
    file: 'manifest.json',
    where: /schema: expected/,
  },
  {
    name: 'runs/garbage-results-line',
    copy: 'runs/garbage-results-line',
    argv: resumeCopy('garbage-results-line'),
    file: 'results.jsonl',
    where: /:2: not a JSON line/,
  },
];

describe('hostile input through the CLI', () => {
  const startDir = process.cwd();
  let root: string;
  let ctx: Ctx;
  let corpusBefore: Map<string, string>;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'gb-hostile-'));
    corpusBefore = snapshotTree(HOSTILE);
  });
  afterAll(() => {
    process.chdir(startDir);
    rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => {
    const work = mkdtempSync(join(root, 'case-'));
    ctx = { work, out: join(work, 'out') };
    process.chdir(work);
  });
  afterEach(() => {
    process.chdir(startDir);
  });

  it('has at least 40 hostile inputs', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    if (c.copy) cpSync(fixture(c.copy), join(ctx.work, c.copy.split('/').pop() as string), { recursive: true });
    await c.setup?.(ctx);
    const argv = c.argv(ctx);
    const before = snapshotTree(ctx.work);
    const result = await runInProcess(argv);
    if (c.safe) c.safe(result, ctx);
    else {
      const file = typeof c.file === 'function' ? c.file(ctx) : (c.file ?? c.name.split(' ')[0]?.split('/').pop());
      expectOneLineError(result, file as string, c.where);
      // Nothing written: no run folder, no cache entry, no report, the input untouched.
      expect(snapshotTree(ctx.work)).toEqual(before);
    }
  });

  it('candidates/script.feature in a stored run: the HTML report shows it as text, the CSV cannot run a formula', async () => {
    const dir = join(ctx.work, 'run');
    mkdirSync(dir);
    const hostile = readFileSync(fixture('candidates/script.feature'), 'utf8');
    const { manifest, records } = syntheticRun({ items: 4, seed: 5 });
    const first = records[0];
    const second = records[1];
    if (!first || !second || !manifest.items[0]) throw new Error('synthetic run too small');
    first.candidate = hostile;
    manifest.items[0].requirement = '<script>alert("requirement")</script>';
    second.candidate = null;
    second.scores = [];
    second.error = { stage: 'generation', message: '=HYPERLINK("http://evil.example","click me")' };
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
    writeFileSync(join(dir, 'results.jsonl'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));

    const result = await runInProcess(['report', dir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<svg onload');
    // The hostile text is there, but only as data: escaped JSON, or inside the compressed drill-down.
    expect(html).toContain('\\u003cscript\\u003ealert(\\"requirement\\")');
    expect(detailOf(pageData(html).details, 0).candidate).toBe(hostile);
    // Only the report's own script elements exist: one JSON data block and the inlined code.
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.filter((tag) => !/type="application\/json"/.test(tag)).every((tag) => tag === '<script>')).toBe(
      true,
    );
    expect(html).toMatch(/Content-Security-Policy/);
    const csv = readFileSync(join(dir, 'results.csv'), 'utf8');
    expect(csv).toContain('HYPERLINK');
    for (const cell of csv.split(/[,\n]/)) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@]/);
  });

  it('leaves the committed corpus untouched', () => {
    expect(snapshotTree(HOSTILE)).toEqual(corpusBefore);
  });
});
