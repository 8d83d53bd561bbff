import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/errors.js';
import { loadCalibrationFile, loadCalibrationSets } from '../../../src/scoring/calibration/labels.js';

const dir = mkdtempSync(join(tmpdir(), 'gb-labels-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const CASE = `labeller: a tester
cases:
  - id: c1
    item: some-item
    candidate: |
      Feature: X
    scores:
      correctness: 4
      clarity: SCORE
`;

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(isUserError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('calibration files', () => {
  it('loads a valid file with defaults', () => {
    const set = loadCalibrationFile(file('ok.yaml', CASE.replace('SCORE', '2')));
    expect(set).toMatchObject({ rubric: 'default', dataset: 'security-controls', labeller: 'a tester' });
    expect(set.cases[0]?.scores).toEqual({ correctness: 4, clarity: 2 });
  });

  it('rejects a score out of range or not whole, naming file and field', () => {
    const six = file('six.yaml', CASE.replace('SCORE', '6'));
    expect(messageOf(() => loadCalibrationFile(six))).toBe(`${six}: cases[c1].scores.clarity: must be from 1 to 5`);
    const half = file('half.yaml', CASE.replace('SCORE', '2.5'));
    expect(messageOf(() => loadCalibrationFile(half))).toContain('cases[c1].scores.clarity: must be an integer');
  });

  it('rejects duplicate case ids and missing labeller', () => {
    const twice = file(
      'twice.yaml',
      `${CASE.replace('SCORE', '2')}${CASE.split('cases:\n')[1]?.replace('SCORE', '3')}`,
    );
    expect(messageOf(() => loadCalibrationFile(twice))).toMatch(/cases\[c1\]\.id: duplicate case id/);
    expect(messageOf(() => loadCalibrationFile(file('anon.yaml', CASE.replace('labeller: a tester\n', ''))))).toMatch(
      /labeller/,
    );
  });

  it('loads the shipped calibration set', () => {
    const sets = loadCalibrationSets();
    expect(sets.length).toBeGreaterThan(0);
    expect(sets.flatMap((s) => s.cases).length).toBeGreaterThanOrEqual(8);
  });
});
