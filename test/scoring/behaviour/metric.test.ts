import { describe, expect, it } from 'vitest';
import { goldBehaviour } from '../../../src/scoring/behaviour/gold-cache.js';
import { behaviourCheck, behaviourCoverageCheck } from '../../../src/scoring/behaviour/metric.js';
import { SUPPORT_GOLD, VOLUMES_GOLD } from '../../support/behaviour-golds.js';
import { NOTEBOOK_GOLD } from '../../support/notebook-gold.js';
import { goldItem } from '../fixtures.js';

const item = goldItem({
  requirement: 'Notebooks must not reach the internet directly.',
  methods: ['sagemaker.describe_notebook_instance'],
  gold: 'x.feature',
  goldText: NOTEBOOK_GOLD,
});
const behaviour = (candidate: string) => behaviourCheck()({ candidate, item });
const coverage = (candidate: string) => behaviourCoverageCheck()({ candidate, item });

describe('behaviour', () => {
  it('is 1 for the gold and for a rewrite: scenarios reordered and retitled, paths written relative', () => {
    expect(behaviour(NOTEBOOK_GOLD).value).toBe(1);
    const blocks = NOTEBOOK_GOLD.split('\n\n');
    const rewritten = [blocks[0], blocks[3], blocks[2], blocks[1]]
      .join('\n\n')
      .replace('Scenario: Direct internet access is enabled', 'Scenario: Internet reachable')
      .replace('returns no notebook instances', 'returns an empty "NotebookInstances[]" list');
    expect(`${rewritten}\n`).not.toBe(NOTEBOOK_GOLD);
    expect(behaviour(`${rewritten}\n`)).toMatchObject({ value: 1, details: { disagreed: 0 } });
  });

  it('is below 1 for inverted logic and says where, in plain words', () => {
    const inverted = NOTEBOOK_GOLD.replace('returns NON_COMPLIANT', 'returns XX')
      .replace('returns COMPLIANT', 'returns NON_COMPLIANT')
      .replace('returns XX', 'returns COMPLIANT');
    const score = behaviour(inverted);
    expect(score.value).toBeLessThan(1);
    const examples = (score.details?.counterexamples ?? []) as { text: string }[];
    expect(examples.map((e) => e.text)).toContain(
      'DirectInternetAccess = Enabled: gold NON_COMPLIANT, candidate COMPLIANT',
    );
  });

  it('is below 1 when the enum value is swapped for another real value', () => {
    expect(behaviour(NOTEBOOK_GOLD.replace('is "Enabled"', 'is "Disabled"')).value).toBeLessThan(1);
  });

  it('is 0 for a candidate that does not parse, null when the gold cannot be executed', () => {
    expect(behaviour('not gherkin at all\n  Scenario').value).toBe(0);
    const opaque = {
      ...item,
      goldText: NOTEBOOK_GOLD.replaceAll(/^\s+(Given|And) .*$/gm, '    Given something vague'),
    };
    expect(behaviourCheck()({ candidate: NOTEBOOK_GOLD, item: opaque }).value).toBeNull();
  });
});

const volumes = goldItem({
  requirement: 'Attached volumes must be encrypted.',
  methods: ['ec2.describe_volumes'],
  gold: 'v.feature',
  goldText: VOLUMES_GOLD,
});
const onVolumes = (candidate: string) => behaviourCheck()({ candidate, item: volumes });
const examplesOf = (score: { details?: Record<string, unknown> }) =>
  ((score.details?.counterexamples ?? []) as { text: string; gold: string; candidate: string }[]).map((e) => [
    e.gold,
    e.candidate,
  ]);

describe('behaviour on dropped conditions', () => {
  it('catches a dropped condition of an exemption where another scenario holds', () => {
    const dropped = VOLUMES_GOLD.replace('    And its "Volumes[].State" is "available"\n', '');
    const score = onVolumes(dropped);
    expect(score.value).toBeLessThan(1);
    expect(examplesOf(score)).toContainEqual(['NON_COMPLIANT', 'NOT_APPLICABLE']);
  });

  it('catches a dropped condition of a COMPLIANT scenario where the gold decides nothing', () => {
    const wider = VOLUMES_GOLD.replace(/(And its "Volumes\[\]\.Encrypted" is true\n)/, '').replace(
      /(Scenario: An attached volume is encrypted\n.*\n)\s+And its "Volumes\[\]\.Attachments\[\]\.State" is "attached"\n/,
      '$1',
    );
    expect(wider).not.toContain('is true');
    const score = onVolumes(wider);
    expect(score.value).toBeLessThan(1);
    expect(score.details?.decidedWhereGoldSilent).toBeGreaterThan(0);
    expect(examplesOf(score)).toContainEqual(['NONE', 'COMPLIANT']);
  });

  it('catches a scenario that only decides where it overlaps another (its outcome removed)', () => {
    const item = goldItem({ id: 'support', service: 'support', goldText: SUPPORT_GOLD });
    const gold = goldBehaviour(SUPPORT_GOLD);
    expect(gold.ok && gold.model.skipped).toEqual([]);
    const silent = SUPPORT_GOLD.replace(
      'SubscriptionRequiredException\n    Then the rule returns NON_COMPLIANT',
      'SubscriptionRequiredException',
    );
    expect(silent).not.toBe(SUPPORT_GOLD);
    const score = behaviourCheck()({ candidate: silent, item });
    expect(score.value).toBeLessThan(1);
    expect(examplesOf(score)).toContainEqual(['NON_COMPLIANT', 'COMPLIANT']);
  });

  it('gives silence no credit: a candidate with only the empty-list scenario scores its share of decided states', () => {
    const onlyEmpty = VOLUMES_GOLD.split('\n\n').slice(0, 2).join('\n\n');
    const score = onVolumes(`${onlyEmpty}\n`);
    const decided = goldBehaviour(VOLUMES_GOLD);
    if (!decided.ok) throw new Error(decided.reason);
    const goldDecided = decided.states.filter((t) => t.expected !== 'NONE');
    const empty = goldDecided.filter((t) => !t.state.resource && t.expected === 'NOT_APPLICABLE');
    expect(decided.states.length).toBeGreaterThan(goldDecided.length);
    expect(score.value).toBeCloseTo(empty.length / goldDecided.length);
    expect(score.details?.decidedWhereGoldSilent).toBe(0);
  });
});

describe('behaviour_coverage', () => {
  it('is the share of Given/And steps the grammar understands, naming the lines it does not', () => {
    expect(coverage(NOTEBOOK_GOLD).value).toBe(1);
    const vague = NOTEBOOK_GOLD.replace('And its "DirectInternetAccess" is "Enabled"', 'And it can reach the internet');
    const score = coverage(vague);
    expect(score.value).toBeCloseTo(4 / 5);
    expect(score.reason).toContain('not line 14');
    expect(coverage('nope').value).toBe(0);
  });
});
