import { describe, expect, it } from 'vitest';
import { GOLD_ITSELF } from '../../../src/scoring/calibration/behaviour-targets.js';
import { calibrate } from '../../../src/scoring/calibration/calibrate.js';
import { renderCalibration } from '../../../src/scoring/calibration/render.js';
import { INSTANCES_GOLD, VOLUMES_GOLD } from '../../support/behaviour-golds.js';
import { goldItem } from '../fixtures.js';

const instances = goldItem({ id: 'instances', service: 'ec2', goldText: INSTANCES_GOLD });
const volumes = goldItem({ id: 'volumes', service: 'ec2', goldText: VOLUMES_GOLD });
const notebook = goldItem({ id: 'notebook' });
const opaque = goldItem({
  id: 'opaque',
  goldText: notebook.goldText.replaceAll(/^\s+(Given|And) .*$/gm, '    Given x'),
});

describe('behaviour targets in judge calibrate', () => {
  it('reports every set and all of them, counting only the golds a corruption applies to', async () => {
    const report = await calibrate({
      items: [instances, volumes, notebook, opaque],
      sets: [
        { name: 'ec2', items: [instances, volumes] },
        { name: 'notebooks', items: [notebook, opaque] },
      ],
      metrics: ['behaviour'],
    });
    expect(report.sets.map((s) => [s.name, s.items])).toEqual([
      ['ec2', 2],
      ['notebooks', 2],
    ]);
    // The notebook golds have no boolean condition; the ec2 golds' `is false` / `is true` steps do.
    expect(report.sets.map((s) => s.applied['boolean-negated'])).toEqual([1, 0]);
    const row = (set: string, corruption: string) =>
      report.behaviourTargets?.find((r) => r.set === set && r.corruption === corruption);
    expect(row('all', GOLD_ITSELF)).toMatchObject({ applies: 4, scored: 3, below: 0, met: true });
    expect(row('notebooks', GOLD_ITSELF)).toMatchObject({ applies: 2, scored: 1 });
    expect(row('all', 'inverted-expected-value')).toMatchObject({ scored: 3, below: 3, share: 1, met: true });
    // The stopped-instance scenario lies inside the public-address one: its enum swap is proven equivalent.
    expect(row('ec2', 'enum-swapped')).toMatchObject({ applies: 2, scored: 2, equivalent: 1, below: 1, missed: 0 });
    // Dropping a condition is caught in both ec2 golds (an exemption made wider; a compliant scenario made wider).
    expect(row('ec2', 'condition-dropped')).toMatchObject({ below: 2, missed: 0, met: true });
    expect(row('ec2', 'scenarios-retitled')).toMatchObject({ expect: 'tie', below: 0, share: 1, met: true });
    const text = renderCalibration(report);
    expect(text).toContain('Behaviour targets');
    expect(text).toContain('0 miss(es) over all sets, 0 of them in golds with a scenario that does not execute');
  });

  it('is null when behaviour is not among the metrics', async () => {
    const report = await calibrate({ items: [notebook], metrics: ['parse'] });
    expect(report.behaviourTargets).toBeNull();
    expect(report.sets).toEqual([expect.objectContaining({ name: 'golds', items: 1 })]);
  });
});
