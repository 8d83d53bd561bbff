import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.js';
import {
  checkAnnotator,
  LABEL_SCHEMA,
  type Label,
  LabelWriter,
  latestLabels,
  parseLabels,
  readLabelFile,
} from '../../src/labels/store.js';

const label = (over: Partial<Label> = {}): Label => ({
  schema: LABEL_SCHEMA,
  run: 'r1',
  case: 'item-000|none|m|0',
  item: 'item-000',
  annotator: 'alice',
  rubric: 'default',
  mode: 'reference-guided',
  criterion: 'correctness',
  value: 4,
  at: '2026-12-01T00:00:00.000Z',
  ...over,
});

describe('label store', () => {
  it('appends whole synced lines and reads them back; a later label replaces an earlier one', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gb-labels-')), 'labels', 'alice.jsonl');
    const { writer, existing } = await LabelWriter.open(file);
    expect(existing.labels).toEqual([]);
    await Promise.all([writer.append(label()), writer.append(label({ criterion: 'clarity', value: 'unsure' }))]);
    await writer.append(label({ value: 2 }));
    await writer.close();
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')).toHaveLength(4);
    const read = await readLabelFile(file);
    expect(read.labels).toHaveLength(3);
    const latest = latestLabels(read.labels).get('item-000|none|m|0');
    expect(Object.fromEntries(latest ?? [])).toEqual({ correctness: 2, clarity: 'unsure' });
  });

  it('drops a torn last line when reading and cuts it off when the file is opened again', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gb-labels-')), 'bob.jsonl');
    writeFileSync(file, `${JSON.stringify(label({ annotator: 'bob' }))}\n${JSON.stringify(label()).slice(0, 30)}`);
    const read = await readLabelFile(file);
    expect(read.tornTail).toBe(true);
    expect(read.labels).toHaveLength(1);
    const { writer, existing } = await LabelWriter.open(file);
    expect(existing.labels).toHaveLength(1);
    await writer.append(label({ annotator: 'bob', criterion: 'clarity' }));
    await writer.close();
    const again = await readLabelFile(file);
    expect(again.tornTail).toBe(false);
    expect(again.labels.map((l) => l.criterion)).toEqual(['correctness', 'clarity']);
  });

  it('names the file, line and field of a bad line', () => {
    const good = JSON.stringify(label());
    const bad = JSON.stringify({ ...label(), value: 7 });
    try {
      parseLabels(`${good}\n${bad}\n${good}\n`, 'x.jsonl');
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error)).toBe(true);
      expect((error as Error).message).toMatch(/^x\.jsonl:2: value: /);
    }
    expect(() => parseLabels('{oops\n', 'y.jsonl')).toThrow(/^y\.jsonl:1: not valid JSON/);
  });

  it('keeps a second writer off the same file while the first holds its lock', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gb-labels-')), 'carol.jsonl');
    const first = await LabelWriter.open(file);
    await expect(LabelWriter.open(file)).rejects.toThrow(/already being written by process/);
    await first.writer.close();
    const second = await LabelWriter.open(file);
    await second.writer.close();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gb-labels-')), 'dave.jsonl');
    writeFileSync(`${file}.lock`, '2147483646\n');
    const { writer } = await LabelWriter.open(file);
    await writer.append(label({ annotator: 'dave' }));
    await writer.close();
    appendFileSync(file, '');
    expect((await readLabelFile(file)).labels).toHaveLength(1);
  });

  it('accepts only file-safe annotator names', () => {
    expect(checkAnnotator('alice.b-2')).toBe('alice.b-2');
    expect(() => checkAnnotator('../etc')).toThrow(/--annotator/);
    expect(() => checkAnnotator('')).toThrow(/--annotator/);
  });
});
