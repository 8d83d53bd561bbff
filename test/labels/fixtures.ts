/** A synthetic run with stored judge scores, and label files written as the labelling server writes them. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LABEL_SCHEMA, type Label, type LabelValue, labelFilePath } from '../../src/labels/store.js';
import { normalise } from '../../src/scoring/judge/samples.js';
import { syntheticRun, writeRunDir } from '../support/synthetic-run.js';

/** Criteria of the default rubric. */
export const CRITERIA = ['correctness', 'completeness', 'specificity', 'testability', 'clarity'] as const;

/**
 * A run folder of `items` items × the 2^3 ablation whose records carry judge scores from
 * `judge(key, criterion)` (1–5), or none when `judge` is null.
 */
export function labelledRun(
  items: number,
  judge: ((key: string, criterion: string) => number) | null,
): { dir: string; runId: string; keys: string[] } {
  const run = syntheticRun({ items, seed: 5, model: 'bedrock:m' });
  run.manifest.runId = 'labelled-run';
  if (judge) {
    run.manifest.judge = { model: 'bedrock:judge', rubric: 'default' };
    for (const record of run.records)
      if (record.candidate !== null)
        for (const criterion of CRITERIA)
          record.scores.push({
            metric: `judge.${criterion}`,
            value: normalise(judge(record.key, criterion)),
            reason: 'test',
          });
  }
  const dir = writeRunDir(mkdtempSync(join(tmpdir(), 'gb-labelled-')), run);
  return { dir, runId: 'labelled-run', keys: run.records.filter((r) => r.candidate !== null).map((r) => r.key) };
}

/** Write one annotator's label file of `keys` (value per key and criterion) into the run folder, as the server writes it. */
export async function writeLabels(
  dir: string,
  runId: string,
  annotator: string,
  keys: readonly string[],
  value: (key: string, criterion: string) => LabelValue,
): Promise<string> {
  const file = labelFilePath(dir, annotator);
  const lines = keys.flatMap((key) =>
    CRITERIA.map((criterion) =>
      JSON.stringify({
        schema: LABEL_SCHEMA,
        run: runId,
        case: key,
        item: key.split('|')[0] as string,
        annotator,
        rubric: 'default',
        mode: 'reference-guided',
        criterion,
        value: value(key, criterion),
        at: '2026-12-01T00:00:00.000Z',
      } satisfies Label),
    ),
  );
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
  return file;
}

/** A deterministic 1–5 "true quality" per case and criterion, and a noisy copy of it. */
export function truth(key: string, criterion: string): 1 | 2 | 3 | 4 | 5 {
  let h = 0;
  for (const c of `${key}/${criterion}`) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return ((h % 5) + 1) as 1 | 2 | 3 | 4 | 5;
}

/** `truth` moved one point on about `share` of the cases (seeded by the key). */
export function noisy(share: number, salt: string): (key: string, criterion: string) => 1 | 2 | 3 | 4 | 5 {
  return (key, criterion) => {
    const t = truth(key, criterion);
    const flip = truth(`${salt}${key}`, criterion) <= share * 5;
    if (!flip) return t;
    return (t === 5 ? 4 : t + 1) as 1 | 2 | 3 | 4 | 5;
  };
}
