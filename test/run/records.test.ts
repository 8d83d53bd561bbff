import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { isUserError, type UserError } from '../../src/errors.js';
import { packagePath } from '../../src/paths.js';
import { MANIFEST_FILE, parseResults, RESULTS_FILE, streamResults } from '../../src/run/records.js';
import { RunStore, readRun } from '../../src/run/store.js';
import { CASE_RECORD_SCHEMA, MANIFEST_SCHEMA } from '../../src/run/types.js';
import { testManifest, testRecord } from '../support/run-records.js';
import { useTempDirs } from './temp-dirs.js';

/** A run folder written by gherkin-bench before issue 13 (manifest@1, case@1): 2 items × 2 variants, offline. */
const V1_RUN = packagePath('test', 'run', 'fixtures', 'v1-run');

const tempDir = useTempDirs('gb-records-');

async function userError(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isUserError(error)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}

/** A stored run folder whose manifest.json is `manifest` (any JSON) and results.jsonl `lines`. */
async function runFolder(manifest: unknown, lines: unknown[] = []): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
  await writeFile(join(dir, RESULTS_FILE), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  return dir;
}

describe('run records: versions and upgrades', () => {
  it('streams results.jsonl as readResults reads it: whole lines, a key once, a torn last line skipped, a bad line named', async () => {
    const dir = await runFolder(testManifest('m', 3), [testRecord('a'), testRecord('b'), testRecord('a')]);
    await writeFile(join(dir, RESULTS_FILE), `${await readFile(join(dir, RESULTS_FILE), 'utf8')}{"schema":"gherkin-b`);
    const streamed: string[] = [];
    for await (const record of streamResults(dir)) streamed.push(record.key);
    expect(streamed).toEqual((await readRun(dir)).records.map((r) => r.key));
    expect(streamed).toEqual(['a', 'b']);

    await writeFile(join(dir, RESULTS_FILE), `${JSON.stringify(testRecord('a'))}\nnot json\n`);
    const error = await userError(
      (async () => {
        for await (const _ of streamResults(dir));
      })(),
    );
    expect(error.message).toMatch(/results\.jsonl:2: not a JSON line/);
  });

  it('reads a version 1 run folder written by the code before issue 13, upgraded to the current manifest', async () => {
    const raw = JSON.parse(await readFile(join(V1_RUN, MANIFEST_FILE), 'utf8')) as { schema: string };
    expect(raw.schema).toBe('gherkin-bench/manifest@1');
    const run = await readRun(V1_RUN);
    expect(run.manifest.schema).toBe(MANIFEST_SCHEMA);
    expect(MANIFEST_SCHEMA).toBe('gherkin-bench/manifest@2');
    expect(run.records.map((r) => r.schema)).toEqual(Array(4).fill(CASE_RECORD_SCHEMA));
    // the upgrade derives the technique flags analysis reads from the stored settings; techniques
    // added to the table later (agent, repair) were off
    expect(run.manifest.variants.map((v) => [v.name, v.techniques])).toEqual([
      ['none', { cot: false, rag: false, fewShot: false, agent: false, repair: false }],
      ['cot+rag+fewshot', { cot: true, rag: true, fewShot: true, agent: false, repair: false }],
    ]);
    expect(run.manifest.variants.map((v) => v.repair)).toEqual(Array(2).fill({ enabled: false, rounds: 1 }));
    // what version 1 did not record stays absent (never guessed)
    expect(run.manifest.items.map((i) => i.methods)).toEqual([undefined, undefined]);
    expect(run.manifest.scorers).toBeUndefined();
  });

  it('analyses an upgraded version 1 run to the estimates the code that wrote it found (its summary.json)', async () => {
    // The statistical methods have changed since (issue 15: t/Wilson intervals, sign-flip tests),
    // so intervals and p-values differ; every point estimate is a function of the records alone
    // and must come out the same from the upgraded run.
    const stored = JSON.parse(await readFile(join(V1_RUN, 'summary.json'), 'utf8')) as Record<string, unknown>;
    const run = await readRun(V1_RUN);
    const summary = JSON.parse(
      JSON.stringify(summarize(run.manifest, run.records, { now: new Date(String(stored.generatedAt)) })),
    ) as Record<string, unknown>;
    // Timing metrics are no longer tested (issue 15), so they have no comparisons or effects now.
    const untested = (summary.methods as { excludedFromTests: string[] }).excludedFromTests;
    const pick = (rows: unknown, keys: string[]) =>
      (rows as Record<string, unknown>[])
        .filter((row) => keys[keys.length - 1] === 'mean' || !untested.includes(String(row.metric)))
        .map((row) => Object.fromEntries(keys.map((k) => [k, row[k]])));
    const points = (s: Record<string, unknown>) => ({
      reference: s.reference,
      variants: s.variants,
      estimates: pick(s.estimates, ['variant', 'model', 'metric', 'mean']),
      comparisons: pick(s.comparisons, ['variant', 'model', 'metric', 'meanDiff']),
      effects: pick(s.effects, ['model', 'metric', 'term', 'estimate']),
    });
    expect(summary.reference).toBe('none');
    expect(points(summary)).toEqual(points(stored));
  });

  it('writes the current versions and reads them back whole, keeping fields it does not name', async () => {
    const dir = join(await tempDir(), 'run');
    const manifest = { ...testManifest('run', 1), futureNote: 'kept' };
    const store = await RunStore.create(dir, manifest);
    await store.append({ ...testRecord('a'), ...{ extra: { kept: true } } });
    await store.close();
    const run = await readRun(dir);
    expect(run.manifest).toEqual(manifest);
    expect(run.records[0]).toMatchObject({ key: 'a', extra: { kept: true } });
  });

  it('refuses a record written by a newer gherkin-bench, naming the file, line and version (exit 2)', async () => {
    const future = await runFolder({ ...testManifest('f', 1), schema: 'gherkin-bench/manifest@3' });
    const error = await userError(readRun(future));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      `${join(future, MANIFEST_FILE)}: schema: "gherkin-bench/manifest@3" was written by a newer gherkin-bench; ` +
        'this one reads run manifests up to "gherkin-bench/manifest@2": update gherkin-bench to read it',
    );
    const line = { ...testRecord('b'), schema: 'gherkin-bench/case@2' };
    const bytes = Buffer.from(`${JSON.stringify(testRecord('a'))}\n${JSON.stringify(line)}\n`);
    expect(() => parseResults(bytes, 'results.jsonl')).toThrow(
      /^results\.jsonl:2: schema: "gherkin-bench\/case@2" was written by a newer gherkin-bench/,
    );
  });

  it('names the file, line and field of a record that breaks its version schema (exit 2)', async () => {
    const badItem = { ...testManifest('m', 1), items: [{ id: 'x', goldText: 3 }] };
    const error = await userError(readRun(await runFolder(badItem)));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(
      /manifest\.json: items\.0\.controlId: Invalid input: expected string, received undefined; the manifest is damaged/,
    );

    const v1BadVariant = { ...testManifest('m', 1), schema: 'gherkin-bench/manifest@1', variants: [{ name: 'v' }] };
    expect((await userError(readRun(await runFolder(v1BadVariant)))).message).toMatch(
      /manifest\.json: variants\.0\.cot: Invalid input: expected boolean/,
    );

    const scored = testRecord('b', { scores: [{ metric: 'parse', value: 1, reason: '' }] });
    const lines = [JSON.stringify(testRecord('a')), JSON.stringify(scored).replace('"value":1', '"value":"high"')];
    expect(() => parseResults(Buffer.from(lines.map((l) => `${l}\n`).join('')), 'r.jsonl')).toThrow(
      /^r\.jsonl:2: scores\.0\.value: Invalid input: expected number, received string; the results file is damaged$/,
    );
    const unknownMetric = testRecord('c', { scores: [{ metric: 'parse', value: 1, reason: '' }] });
    const text = JSON.stringify(unknownMetric).replace('"parse"', '"vibes"');
    expect(() => parseResults(Buffer.from(`${text}\n`), 'r.jsonl')).toThrow(/^r\.jsonl:1: scores\.0\.metric: /);
  });

  it('refuses a current manifest whose variant lacks a technique of the table', async () => {
    const variant = { name: 'v', params: {}, cot: false, rag: { enabled: false, topK: 5, tokenBudget: 1 } };
    const error = await userError(readRun(await runFolder({ ...testManifest('m', 1), variants: [variant] })));
    expect(error.message).toMatch(
      /manifest\.json: variants\.0: expected a variant: name, params and the settings of cot, rag, fewShot/,
    );
  });
});
