import { describe, expect, it } from 'vitest';
import { goldReference } from '../../src/scoring/checks/gold.js';
import { CHECKS, scoreChecks } from '../../src/scoring/checks.js';
import { createScoringMemo } from '../../src/scoring/memo.js';
import type { ScoringContext } from '../../src/scoring/scorer.js';
import {
  activeScorers,
  createCaseScorer,
  SCORER_IDS,
  SCORERS,
  scorerOfMetric,
  scorerRecords,
} from '../../src/scoring/scorers.js';
import { CHECK_METRICS } from '../../src/scoring/types.js';
import { candidate, goldItem } from './fixtures.js';

const item = goldItem();
const context = (): ScoringContext => ({ memo: createScoringMemo(), judgeProvider: null });

describe('the scorer table', () => {
  it('holds every check of CHECKS (wrapped generically, in metric order) and then the judge', () => {
    expect(Object.keys(SCORERS)).toEqual([...SCORER_IDS]);
    expect(SCORER_IDS).toEqual([...Object.keys(CHECKS), 'judge']);
    for (const metric of CHECK_METRICS) {
      expect(SCORERS[metric]).toMatchObject({ id: metric, version: '1', stage: 'scoring' });
      expect(scorerOfMetric(metric)).toBe(metric);
    }
    expect(CHECK_METRICS.filter((m) => SCORERS[m].readsMethods)).toEqual(['api_recall']);
    expect(scorerOfMetric('judge.overall')).toBe('judge');
    expect(scorerOfMetric('judge.correctness')).toBe('judge');
    expect(scorerOfMetric('tokens_in')).toBeUndefined();
  });

  it('enables the judge only when the run has one, and records each scorer with its version and options', () => {
    expect(activeScorers({ judge: null })).toEqual([...CHECK_METRICS]);
    expect(activeScorers({ judge: null }, ['text_similarity', 'parse'])).toEqual(['parse', 'text_similarity']);
    const records = scorerRecords({ judge: null, checks: { structurePassShare: 0.9 } });
    expect(records.map((r) => r.id)).toEqual([...CHECK_METRICS]);
    expect(records.find((r) => r.id === 'structure')).toEqual({
      id: 'structure',
      version: '1',
      options: { structurePassShare: 0.9 },
    });
  });

  it('scores a case exactly as scoreChecks does, with no judge usage', async () => {
    const text = candidate('good.feature');
    const scored = await createCaseScorer({ judge: null }).score({ candidate: text, item, repeat: 0 }, context());
    expect(scored.scores).toEqual(scoreChecks(text, item));
    expect(scored).toMatchObject({ usage: null, error: null });
  });

  it('runs only the scorers asked for, with the options given', async () => {
    const text = candidate('good.feature');
    const scorer = createCaseScorer({ judge: null, checks: { structurePassShare: 1 } }, ['structure']);
    const scored = await scorer.score({ candidate: text, item, repeat: 0 }, context());
    expect(scored.scores).toEqual(scoreChecks(text, item, { metrics: ['structure'], structurePassShare: 1 }));
  });

  it('records a scorer that throws at its stage, with no scores', async () => {
    const broken = goldItem({ methods: null as unknown as string[] });
    const scored = await createCaseScorer({ judge: null }).score(
      { candidate: item.goldText, item: broken, repeat: 0 },
      context(),
    );
    expect(scored.scores).toEqual([]);
    expect(scored.error?.stage).toBe('scoring');
    expect(scored.error?.message).toMatch(/join|null/);
  });
});

describe('the per-run scoring memo', () => {
  it('keeps a derived value per run: the same object within a memo, a fresh one in another', () => {
    const first = createScoringMemo();
    const a = goldReference(item, first);
    expect(goldReference(item, first)).toBe(a);
    const second = createScoringMemo();
    const b = goldReference(item, second);
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
    // Without a memo nothing is kept between calls (no module-level state).
    expect(goldReference(item)).not.toBe(goldReference(item));
  });

  it('computes a value once and drops the oldest past the limit of its space', () => {
    const memo = createScoringMemo();
    let computed = 0;
    const get = (key: string) => memo.remember('space', key, () => ++computed, 2);
    expect([get('a'), get('a'), get('b')]).toEqual([1, 1, 2]);
    expect(get('c')).toBe(3);
    expect(get('b')).toBe(2);
    expect(get('a')).toBe(4);
    expect(memo.remember('other', 'a', () => 'x')).toBe('x');
  });
});
