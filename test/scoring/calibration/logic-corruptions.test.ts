import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOGIC_CORRUPTIONS } from '../../../src/scoring/calibration/logic-corruptions.js';

const gold = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'datasets', 'security-controls', `${name}.feature`), 'utf8');
const changed = (id: string, text: string): [string, string][] => {
  const out = LOGIC_CORRUPTIONS.find((c) => c.id === id)?.apply(text, 'rds');
  if (!out) return [];
  const after = out.split('\n');
  return text
    .split('\n')
    .flatMap((line, i): [string, string][] => (line !== after[i] ? [[line.trim(), (after[i] ?? '').trim()]] : []));
};

describe('logic corruptions and rewrites', () => {
  const monitoring = gold('rds-instance-enhanced-monitoring');
  const multiAz = gold('rds-instance-multi-az');

  it('negate the first boolean, move the first threshold, swap an enum value for another of its enum', () => {
    expect(changed('boolean-negated', multiAz)[0]).toEqual([
      'And its "DBInstances[].MultiAZ" is false',
      'And its "DBInstances[].MultiAZ" is true',
    ]);
    expect(changed('threshold-moved', monitoring)[0]).toEqual([
      'And its "DBInstances[].MonitoringInterval" is 0',
      'And its "DBInstances[].MonitoringInterval" is 1',
    ]);
    const notebook = gold('sagemaker-notebook-no-direct-internet');
    const [swap] = changed('enum-swapped', notebook);
    expect(swap?.[0]).toMatch(/"DirectInternetAccess" as "(Enabled|Disabled)"/);
    expect(swap?.[1]).toMatch(/"DirectInternetAccess" as "(Enabled|Disabled)"/);
    expect(swap?.[1]).not.toBe(swap?.[0]);
  });

  it('drop one condition; rewrites keep every step', () => {
    const dropped = LOGIC_CORRUPTIONS.find((c) => c.id === 'condition-dropped')?.apply(multiAz, 'rds') ?? '';
    expect(dropped.split('\n')).toHaveLength(multiAz.split('\n').length - 1);
    for (const id of ['conditions-reordered', 'scenarios-retitled']) {
      const out = LOGIC_CORRUPTIONS.find((c) => c.id === id)?.apply(monitoring, 'rds') ?? '';
      expect(out).not.toBe(monitoring);
      const steps = (t: string) =>
        t
          .split('\n')
          .filter((l) => /^\s+(Given|And|Then)/.test(l))
          .sort();
      expect(steps(out)).toEqual(steps(monitoring));
    }
  });

  it('drop a condition of a scenario, never a Background step', () => {
    const withBackground = multiAz.replace(
      '  Scenario: No DB instances exist',
      '  Background:\n    Given the rule\'s code calls "rds.describe_db_instances"\n    And the rule\'s code calls "rds.describe_db_clusters"\n\n  Scenario: No DB instances exist',
    );
    const dropped = LOGIC_CORRUPTIONS.find((c) => c.id === 'condition-dropped')?.apply(withBackground, 'rds') ?? '';
    expect(dropped).toContain('And the rule\'s code calls "rds.describe_db_clusters"');
    expect(dropped.split('\n')).toHaveLength(withBackground.split('\n').length - 1);
  });

  it('return null when there is nothing of the kind to change', () => {
    const bare = monitoring.replace(/is \d+/g, 'is set');
    expect(LOGIC_CORRUPTIONS.find((c) => c.id === 'threshold-moved')?.apply(bare, 'rds')).toBeNull();
  });
});
