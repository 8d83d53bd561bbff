import { describe, expect, it } from 'vitest';
import { checkEquivalence } from '../../../src/scoring/calibration/equivalence.js';
import { INSTANCES_GOLD } from '../../support/behaviour-golds.js';
import { NOTEBOOK_GOLD } from '../../support/notebook-gold.js';
import { compileText } from '../fixtures.js';

describe('checkEquivalence', () => {
  it('proves a subsumed scenario’s enum swap equivalent by evaluating every value class', () => {
    const swapped = INSTANCES_GOLD.replace('is "stopped"', 'is "running"');
    const result = checkEquivalence(compileText(INSTANCES_GOLD), compileText(swapped));
    expect(result.kind).toBe('equivalent');
    // PublicIpAddress (absent, set), State.Name (absent, stopped, running, …), PrivateIpAddress: more than 2 × 2 × 2.
    expect(result.states).toBeGreaterThan(8);
  });

  it('proves a control that states the same scenarios equivalent without evaluating states', () => {
    const repeated = INSTANCES_GOLD.replace(
      '    And its "Reservations[].Instances[].PrivateIpAddress" is set\n',
      '    And its "Reservations[].Instances[].PrivateIpAddress" is set\n    And its "PrivateIpAddress" is set\n',
    );
    expect(repeated).not.toBe(INSTANCES_GOLD);
    expect(checkEquivalence(compileText(INSTANCES_GOLD), compileText(repeated))).toEqual({
      kind: 'equivalent',
      states: 0,
    });
  });

  it('finds a state the gold decides where an inverted control differs', () => {
    const inverted = NOTEBOOK_GOLD.replace('returns NON_COMPLIANT', 'returns X')
      .replace('returns COMPLIANT', 'returns NON_COMPLIANT')
      .replace('returns X', 'returns COMPLIANT');
    const result = checkEquivalence(compileText(NOTEBOOK_GOLD), compileText(inverted));
    expect(result).toMatchObject({ kind: 'differs' });
    if (result.kind !== 'differs') return;
    expect(result.gold).not.toBe('NONE');
    expect(result.corrupted).not.toBe(result.gold);
  });

  it('reports a wider scenario as differing where the gold decides nothing', () => {
    const wider = INSTANCES_GOLD.replace('    And its "Reservations[].Instances[].PrivateIpAddress" is set\n', '');
    const result = checkEquivalence(compileText(INSTANCES_GOLD), compileText(wider));
    expect(result).toMatchObject({ kind: 'differs', gold: 'NONE', corrupted: 'COMPLIANT' });
  });
});
