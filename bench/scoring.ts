/**
 * Benchmark 5, scoring: deterministic checks per second — every check of {@link CHECK_METRICS}
 * on each candidate, through the scorer table as a run scores a case (one `createCaseScorer`
 * call per candidate, one per-run memo), over the gold gherkins and the offline generator's
 * outputs. A warm-up pass first loads the botocore models the candidates name and memoises the
 * gold references and the golds' behaviour states, as a run does in its first cases.
 * Behaviour's share of the CPU time is measured in a second loop of its two metrics alone.
 */
import { scoreChecks } from '../src/scoring/checks.js';
import { createScoringMemo } from '../src/scoring/memo.js';
import type { ScoringContext } from '../src/scoring/scorer.js';
import { createCaseScorer } from '../src/scoring/scorers.js';
import { CHECK_METRICS } from '../src/scoring/types.js';
import { realCandidates } from './candidates.js';
import { progress, settle, summarise, timeCpu, withTempDir } from './measure.js';
import { type Benchmark, plain } from './types.js';

const RUNS = 5;
const BEHAVIOUR_METRICS = ['behaviour', 'behaviour_coverage'] as const;

/** The scoring benchmark. */
export const scoringBenchmark: Benchmark = {
  name: 'scoring.checks',
  describe: `${CHECK_METRICS.length} deterministic checks per candidate over gold gherkins + offline-generator outputs (8 variants × eval items), after a warm-up pass; median of ${RUNS}`,
  run: () =>
    withTempDir('scoring', async (dir) => {
      const inputs = await realCandidates(dir);
      const gold = inputs.filter((i) => i.source === 'gold').length;
      const chars = inputs.reduce((sum, i) => sum + i.candidate.length, 0) / inputs.length;
      progress(
        `${inputs.length} candidates (${gold} gold, ${inputs.length - gold} offline), mean ${chars.toFixed(0)} chars`,
      );
      const scorer = createCaseScorer({ judge: null });
      const context: ScoringContext = { memo: createScoringMemo(), judgeProvider: null };
      const scoreAll = async () => {
        for (const { candidate, item } of inputs) await scorer.score({ candidate, item, repeat: 0 }, context);
      };
      const warm = await timeCpu(scoreAll);
      const checks = inputs.length * CHECK_METRICS.length;
      const perSecond: number[] = [];
      const perCpuSecond: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        await settle();
        const { ms, cpuMs } = await timeCpu(scoreAll);
        perSecond.push((checks / ms) * 1000);
        perCpuSecond.push((checks / cpuMs) * 1000);
      }
      // Behaviour's own share: the candidate compiled and executed on the gold's cached states.
      const behaviourCpuMs: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        await settle();
        const { cpuMs } = await timeCpu(() => {
          for (const { candidate, item } of inputs) scoreChecks(candidate, item, { metrics: BEHAVIOUR_METRICS });
        });
        behaviourCpuMs.push(cpuMs);
      }
      const allCpuMs = perCpuSecond.map((x) => (checks / x) * 1000);
      return {
        candidates: plain(inputs.length, 'count'),
        mean_chars: plain(chars, 'count'),
        warmup_ms: plain(warm.ms),
        checks_per_s: summarise(perSecond, 'per_s', { op: '>=', value: 5000 }),
        checks_per_cpu_s: {
          ...summarise(perCpuSecond, 'per_s', { op: '>=', value: 5000 }),
          note: 'checks divided by the CPU time of this process (user + system): what a busy shared machine does not inflate',
        },
        candidates_per_s: summarise(
          perSecond.map((x) => x / CHECK_METRICS.length),
          'per_s',
          { op: '>=', value: 500 },
        ),
        candidates_per_cpu_s: summarise(
          perCpuSecond.map((x) => x / CHECK_METRICS.length),
          'per_s',
          { op: '>=', value: 500 },
        ),
        behaviour_share: {
          ...summarise(
            behaviourCpuMs.map((ms, i) => ms / (allCpuMs[i] as number)),
            'count',
          ),
          note: `CPU time of ${BEHAVIOUR_METRICS.join(' + ')} alone (the candidate parsed, compiled and run on the gold's cached states) over the CPU time of all checks (each run measured separately; CPU time, so a busy shared machine does not skew it)`,
        },
      };
    }),
};
