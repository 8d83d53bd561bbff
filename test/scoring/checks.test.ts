import { describe, expect, it } from 'vitest';
import { CHECKS, scoreChecks } from '../../src/scoring/checks.js';
import { CHECK_METRICS, type Score } from '../../src/scoring/types.js';
import { candidate, goldItem } from './fixtures.js';

const item = goldItem();

function scores(text: string): Record<string, Score> {
  return Object.fromEntries(scoreChecks(text, item).map((s) => [s.metric, s]));
}

describe('scoreChecks', () => {
  it('runs every check once, in metric order, with values in [0, 1] or null', () => {
    const result = scoreChecks(candidate('good.feature'), item);
    expect(result.map((s) => s.metric)).toEqual([...CHECK_METRICS]);
    expect(Object.keys(CHECKS)).toEqual([...CHECK_METRICS]);
    for (const s of result) expect(s.value === null || (s.value >= 0 && s.value <= 1)).toBe(true);
    expect(scoreChecks(candidate('good.feature'), item, { metrics: ['parse'] }).map((s) => s.metric)).toEqual([
      'parse',
    ]);
  });

  it('gives the gold itself full marks on every check', () => {
    for (const s of scoreChecks(item.goldText, item)) expect([s.metric, s.value]).toEqual([s.metric, 1]);
  });

  it('scores a good paraphrase fully on the checks and high but not 1 on text similarity', () => {
    const s = scores(candidate('good.feature'));
    for (const metric of ['parse', 'structure', 'grounding', 'api_recall', 'path_recall', 'outcome_coverage'])
      expect(s[metric]?.value).toBe(1);
    expect(s.structure?.pass).toBe(true);
    expect(s.grounding?.pass).toBe(true);
    expect(s.text_similarity?.value).toBeGreaterThan(0.6);
    expect(s.text_similarity?.value).toBeLessThan(1);
  });
});

describe('parse', () => {
  it('reports the parser message and line, and scores parse-dependent checks 0 (not null)', () => {
    const s = scores(candidate('chatty.txt'));
    expect(s.parse).toMatchObject({ value: 0, pass: false, details: { line: 1 } });
    expect(s.parse?.reason).toMatch(/^does not parse \(line 1\): .*Here is the control/);
    expect(s.structure).toMatchObject({ value: 0, pass: false });
    expect(s.outcome_coverage?.value).toBe(0);
    // Text-level checks still read the raw text.
    expect(s.api_recall?.value).toBe(0.5);
    expect(s.grounding?.value).toBe(1);
  });

  it('calls an empty candidate empty', () => {
    const s = scores('');
    expect(s.parse?.reason).toBe('empty candidate: no gherkin to parse');
    expect(s.grounding?.value).toBeNull();
    expect(s.api_recall?.value).toBe(0);
    expect(s.text_similarity?.value).toBe(0);
  });
});

describe('structure', () => {
  it('reports each rule by name and fails below 0.8', () => {
    const s = scores(candidate('sloppy.feature')).structure;
    const rules = ((s?.details?.rules ?? []) as { rule: string; pass: boolean }[])
      .filter((r) => !r.pass)
      .map((r) => r.rule);
    expect(rules).toEqual([
      'feature-name',
      'description-fields',
      'given-and-then',
      'then-outcome',
      'unique-scenarios',
      'no-placeholders',
      'tags',
    ]);
    expect(s?.value).toBeCloseTo(2 / 9, 12);
    expect(s?.pass).toBe(false);
  });

  it('passes with one rule failed (8/9) and fails with two (7/9); the threshold is an option', () => {
    const good = candidate('good.feature');
    const oneOff = good.replace(' @severity:high', '');
    const twoOff = oneOff.replace('  Trigger: Periodic\n', '');
    expect(scores(oneOff).structure).toMatchObject({ value: 8 / 9, pass: true });
    expect(scores(twoOff).structure).toMatchObject({ value: 7 / 9, pass: false });
    const strict = scoreChecks(oneOff, item, { metrics: ['structure'], structurePassShare: 1 })[0];
    expect(strict?.pass).toBe(false);
  });
});

describe('grounding', () => {
  it('lists unknown references and fails', () => {
    const s = scores(candidate('invented-apis.feature')).grounding;
    expect(s?.pass).toBe(false);
    expect(s?.value).toBeCloseTo(2 / 6, 12);
    const unknown = ((s?.details?.unknown ?? []) as { text: string }[]).map((r) => r.text);
    expect(new Set(unknown)).toEqual(new Set(['sagemaker.get_notebook_internet_settings', 'InternetAccessEnabled']));
    expect(s?.reason).toContain('4 unknown');
  });

  it('lowers the value for a misplaced member and fails (a field read from a call that does not return it)', () => {
    const text = candidate('good.feature').replace(
      'And its "DirectInternetAccess" is "Disabled"',
      'And its "DirectInternetAccess" is "Disabled"\n    And its "EnableNetworkIsolation" is true',
    );
    const s = scores(text).grounding;
    expect(s?.pass).toBe(false);
    expect(s?.value).toBeLessThan(1);
    expect(((s?.details?.misplaced ?? []) as { text: string }[]).map((r) => r.text)).toEqual([
      'EnableNetworkIsolation',
    ]);
  });

  it('is null when the candidate names no API at all', () => {
    expect(scores(candidate('prose.feature')).grounding).toMatchObject({ value: null });
  });
});

describe('api_recall and path_recall', () => {
  it('count the gold methods (gold gherkin ∪ item.methods) and paths the candidate uses, precision alongside', () => {
    const s = scores(candidate('invented-apis.feature'));
    expect(s.api_recall).toMatchObject({
      value: 0.5,
      details: {
        matched: ['sagemaker.list_notebook_instances'],
        missing: ['sagemaker.describe_notebook_instance'],
        extra: ['sagemaker.get_notebook_internet_settings'],
        precision: 0.5,
      },
    });
    expect(s.path_recall?.value).toBe(0.5);
    expect(s.path_recall?.details?.missing).toEqual(['DirectInternetAccess']);
  });

  it('take item.methods into account (a bare method means the item service)', () => {
    const withExtra = goldItem({ methods: ['sagemaker.list_notebook_instances', 'list_tags'] });
    const recall = scoreChecks(candidate('good.feature'), withExtra, { metrics: ['api_recall'] })[0];
    expect(recall?.value).toBeCloseTo(2 / 3, 12);
    expect(recall?.details?.missing).toEqual(['sagemaker.list_tags']);
  });

  it('are null when the gold has no methods or paths', () => {
    const bare = goldItem({
      methods: [],
      goldText: candidate('prose.feature'),
    });
    const s = scoreChecks(candidate('good.feature'), bare);
    expect(s.find((x) => x.metric === 'api_recall')).toMatchObject({
      value: null,
      reason: 'the gold names no Boto3 methods',
    });
    expect(s.find((x) => x.metric === 'path_recall')?.value).toBeNull();
  });

  it('score 0 for a candidate that names no API', () => {
    const s = scores(candidate('prose.feature'));
    expect(s.api_recall?.value).toBe(0);
    expect(s.api_recall?.details?.precision).toBeNull();
    expect(s.path_recall?.value).toBe(0);
  });
});

describe('outcome_coverage', () => {
  it('counts the gold outcomes the candidate states', () => {
    expect(scores(candidate('prose.feature')).outcome_coverage).toMatchObject({
      value: 2 / 3,
      details: { missing: ['NOT_APPLICABLE'] },
    });
    expect(scores(candidate('sloppy.feature')).outcome_coverage?.value).toBeCloseTo(1 / 3, 12);
  });
});

describe('text_similarity', () => {
  it('orders candidates by overlap with the gold and ignores case', () => {
    const good = scores(candidate('good.feature')).text_similarity?.value ?? 0;
    const chatty = scores(candidate('chatty.txt')).text_similarity?.value ?? 1;
    expect(good).toBeGreaterThan(chatty);
    expect(scores(item.goldText.toLowerCase()).text_similarity?.value).toBe(1);
  });
});
