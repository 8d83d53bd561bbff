/**
 * `gherkin-bench judge calibrate`: measure the metrics and the judge instead of trusting them.
 * Sensitivity (gold vs deterministic corruptions) for every deterministic metric and, with a
 * judge, for every judge metric; agreement with expert labels; repeatability over n samples;
 * the verbosity bias probe. The deterministic part needs no model.
 */
import pLimit from 'p-limit';
import type { Item } from '../../dataset/types.js';
import type { ModelProvider, Usage } from '../../generation/providers/types.js';
import type { CaseUsage } from '../../generation/types.js';
import { addCaseUsage, emptyUsage } from '../../generation/usage.js';
import { scoreChecks } from '../checks.js';
import { type JudgeResult, judgeCandidate } from '../judge/judge.js';
import { judgePair, type PositionRow, positionRows } from '../judge/pairwise.js';
import type { JudgeMode } from '../judge/prompt.js';
import type { Rubric } from '../judge/rubric.js';
import type { CheckMetric, Score } from '../types.js';
import type { CriterionAgreement } from './agreement.js';
import { type BehaviourTargetRow, behaviourTargets, type GoldSet } from './behaviour-targets.js';
import { CORRUPTIONS, type Corruption } from './corrupt.js';
import { type CheckLabelCorrelation, checksVsLabels, judgeAgreement, resolveLabelledCases } from './labelled.js';
import type { CalibrationSet } from './labels.js';
import { type ScoredPair, type SensitivityRow, tabulateSensitivity } from './sensitivity.js';

/** Schema id of a calibration report. */
export const CALIBRATION_SCHEMA = 'gherkin-bench/calibration@1';

/** The judge to calibrate. */
export interface CalibrationJudge {
  provider: ModelProvider;
  rubric: Rubric;
  /** Default `reference-guided`. */
  mode?: JudgeMode;
  /** Samples per judged text (≥ 2 measures repeatability). Default 1. */
  samples?: number;
  costOf?: (usage: Usage, modelId: string) => number | null;
  /** Also run the pairwise position-bias probe: each (gold, real defect) pair judged in both orders. */
  position?: boolean;
}

/** What {@link calibrate} needs. */
export interface CalibrateOptions {
  /** The gold items whose gherkins are corrupted. */
  items: readonly Item[];
  /** The gold sets the items come from, for the per-set rows (default: one set `golds` of every item). */
  sets?: readonly GoldSet[];
  /** Labelled candidates: judge agreement (with a judge) and metric-vs-label correlation. Items are looked up in `items`. */
  calibration?: readonly CalibrationSet[];
  judge?: CalibrationJudge;
  /** Deterministic metrics to analyse (default all). */
  metrics?: readonly CheckMetric[];
  /** Parallel judge calls (default 4). */
  concurrency?: number;
  /** Notes from the caller to keep in the report (e.g. calibration files skipped). */
  notes?: readonly string[];
}

/** Spread of one criterion's scores over repeated samples. */
export interface Repeatability {
  criterion: string;
  /** Texts judged with ≥ 2 successful samples. */
  texts: number;
  /** Mean and max per-text standard deviation of the raw 1–5 scores. */
  meanSd: number;
  maxSd: number;
  /** Share of texts where every sample gave the same score. */
  identical: number;
}

/** The calibration report (what `judge calibrate --json` prints). */
export interface CalibrationReport {
  schema: typeof CALIBRATION_SCHEMA;
  items: number;
  corruptions: { id: string; description: string; expect: string; applied: number }[];
  /** Each gold set: its items and how many golds each corruption applies to. */
  sets: { name: string; items: number; applied: Record<string, number> }[];
  /** Behaviour against its targets per set and overall; null when behaviour is not among the metrics. */
  behaviourTargets: BehaviourTargetRow[] | null;
  sensitivity: SensitivityRow[];
  /** Metrics blind to at least one real defect: metric → corruption ids. */
  blind: Record<string, string[]>;
  judge: null | {
    model: string;
    rubric: string;
    rubricHash: string;
    mode: JudgeMode;
    samples: number;
    /** Judged texts whose every sample failed. */
    failures: { text: string; error: string }[];
    usage: CaseUsage;
  };
  /** Spearman's rho of each deterministic metric with each labelled criterion (no model needed); null without labels. */
  labelCorrelation: CheckLabelCorrelation[] | null;
  /** Null when no judge ran (agreement needs the judge's scores). */
  agreement: null | { files: string[]; cases: number; criteria: CriterionAgreement[] };
  /** Null with samples < 2 or no judge. */
  repeatability: Repeatability[] | null;
  /** Verbosity probe: per judge metric, the share of items where padding raised the score, and the mean change. */
  verbosity: { metric: string; raised: number; pairs: number; meanDelta: number | null }[] | null;
  /** Pairwise position probe per criterion (null unless asked for with a judge). */
  position: PositionRow[] | null;
  /** Why a section is empty. */
  notes: string[];
}

interface Text {
  label: string;
  itemId: string;
  corruption?: Corruption;
  text: string;
}

function corruptedTexts(items: readonly Item[]): { texts: Text[]; applied: Map<string, number> } {
  const texts: Text[] = [];
  const applied = new Map<string, number>(CORRUPTIONS.map((c) => [c.id, 0]));
  for (const item of items) {
    for (const corruption of CORRUPTIONS) {
      const text = corruption.apply(item.goldText, item.service);
      if (text === null || text === item.goldText) continue;
      applied.set(corruption.id, (applied.get(corruption.id) ?? 0) + 1);
      texts.push({ label: `${item.id}/${corruption.id}`, itemId: item.id, corruption, text });
    }
  }
  return { texts, applied };
}

function pairsOf(items: readonly Item[], texts: readonly Text[], scoresOf: (t: Text) => Score[]): ScoredPair[] {
  const gold = new Map(
    items.map((item) => [item.id, scoresOf({ label: item.id, itemId: item.id, text: item.goldText })]),
  );
  return texts.map((t) => ({
    itemId: t.itemId,
    corruption: t.corruption as Corruption,
    gold: gold.get(t.itemId) ?? [],
    corrupted: scoresOf(t),
  }));
}

function repeatabilityOf(rubric: Rubric, results: readonly JudgeResult[]): Repeatability[] {
  return rubric.criteria.map((c) => {
    const sds: number[] = [];
    for (const r of results) {
      const details = r.scores.find((s) => s.metric === `judge.${c.id}`)?.details as
        | { sd?: number; samples?: number }
        | undefined;
      if (details?.sd !== undefined && (details.samples ?? 0) >= 2) sds.push(details.sd);
    }
    return {
      criterion: c.id,
      texts: sds.length,
      meanSd: sds.length === 0 ? 0 : sds.reduce((a, b) => a + b, 0) / sds.length,
      maxSd: sds.length === 0 ? 0 : Math.max(...sds),
      identical: sds.length === 0 ? 0 : sds.filter((sd) => sd === 0).length / sds.length,
    };
  });
}

/** Run the calibration. Deterministic sections always; judge sections when `options.judge` is given. */
export async function calibrate(options: CalibrateOptions): Promise<CalibrationReport> {
  const { items, judge } = options;
  const sets = options.sets ?? [{ name: 'golds', items }];
  const notes: string[] = [...(options.notes ?? [])];
  const { texts, applied } = corruptedTexts(items);
  const metrics = options.metrics;
  const deterministic = pairsOf(items, texts, (t) => {
    const item = items.find((i) => i.id === t.itemId) as Item;
    return scoreChecks(t.text, item, metrics ? { metrics } : undefined);
  });
  let pairs = deterministic;
  let judgeSection: CalibrationReport['judge'] = null;
  let agreement: CalibrationReport['agreement'] = null;
  let repeatability: CalibrationReport['repeatability'] = null;
  let position: CalibrationReport['position'] = null;
  const labelled = options.calibration ?? [];
  const labelCorrelation = labelled.length > 0 ? checksVsLabels(resolveLabelledCases(labelled, items), metrics) : null;

  if (judge) {
    const mode = judge.mode ?? 'reference-guided';
    const samples = Math.max(1, judge.samples ?? 1);
    const usage: CaseUsage = emptyUsage();
    const failures: { text: string; error: string }[] = [];
    const limit = pLimit(options.concurrency ?? 4);
    const byId = new Map(items.map((i) => [i.id, i]));
    const run = (label: string, item: Item, candidate: string): Promise<JudgeResult> =>
      limit(async () => {
        const result = await judgeCandidate({ ...judge, candidate, item, mode, samples });
        addCaseUsage(usage, result.usage);
        if (result.error) failures.push({ text: label, error: result.error });
        return result;
      });
    const goldTexts: Text[] = items.map((i) => ({ label: i.id, itemId: i.id, text: i.goldText }));
    const judged = new Map<string, JudgeResult>();
    await Promise.all(
      [...goldTexts, ...texts].map(async (t) => {
        judged.set(t.label, await run(t.label, byId.get(t.itemId) as Item, t.text));
      }),
    );
    const judgePairs = pairsOf(items, texts, (t) => judged.get(t.label)?.scores ?? []);
    pairs = deterministic.map((p, i) => ({
      ...p,
      gold: [...p.gold, ...(judgePairs[i]?.gold ?? [])],
      corrupted: [...p.corrupted, ...(judgePairs[i]?.corrupted ?? [])],
    }));

    if (labelled.length > 0) {
      const jobs = resolveLabelledCases(labelled, items, judge.rubric);
      const results = await Promise.all(jobs.map((j) => run(j.label, j.item, j.case.candidate)));
      agreement = { files: labelled.map((s) => s.file), ...judgeAgreement(judge.rubric, jobs, results) };
      for (const [i, job] of jobs.entries()) judged.set(job.label, results[i] as JudgeResult);
    } else notes.push('agreement: no calibration file given');

    if (judge.position) {
      const real = texts.filter((t) => t.corruption?.expect === 'gold-higher');
      const both = await Promise.all(
        real.map(async (t) => {
          const item = byId.get(t.itemId) as Item;
          const ask = (first: string, second: string) =>
            limit(async () => {
              const result = await judgePair({ ...judge, item, first, second });
              addCaseUsage(usage, result.usage);
              if (result.error) failures.push({ text: `${t.label} (pairwise)`, error: result.error });
              return result;
            });
          const [goldFirst, goldSecond] = await Promise.all([ask(item.goldText, t.text), ask(t.text, item.goldText)]);
          return { goldFirst, goldSecond };
        }),
      );
      position = positionRows(judge.rubric, both);
    } else notes.push('position: pairwise probe not run (add --position)');

    if (samples >= 2) repeatability = repeatabilityOf(judge.rubric, [...judged.values()]);
    else notes.push('repeatability: needs --samples 2 or more');
    if (!judge.costOf) usage.costUsd = null;
    judgeSection = {
      model: judge.provider.id,
      rubric: judge.rubric.name,
      rubricHash: judge.rubric.hash,
      mode,
      samples,
      failures,
      usage,
    };
  } else notes.push('judge: not run (no judge model given); agreement, repeatability and verbosity need one');

  const sensitivity = tabulateSensitivity(pairs);
  const blind: Record<string, string[]> = {};
  for (const row of sensitivity)
    if (row.expect === 'gold-higher' && (row.verdict === 'blind' || row.verdict === 'inverted'))
      blind[row.metric] = [...(blind[row.metric] ?? []), row.corruption];
  const verbosity = judge
    ? sensitivity
        .filter((r) => r.corruption === 'verbose-padding' && r.metric.startsWith('judge.'))
        .map((r) => ({
          metric: r.metric,
          raised: r.pairs === 0 ? 0 : r.lower / r.pairs,
          pairs: r.pairs,
          meanDelta: r.meanDelta,
        }))
    : null;
  const measuresBehaviour = !metrics || metrics.includes('behaviour');
  return {
    schema: CALIBRATION_SCHEMA,
    items: items.length,
    sets: sets.map((set) => {
      const ids = new Set(set.items.map((i) => i.id));
      const count = (id: string) => texts.filter((t) => t.corruption?.id === id && ids.has(t.itemId)).length;
      return {
        name: set.name,
        items: set.items.length,
        applied: Object.fromEntries(CORRUPTIONS.map((c) => [c.id, count(c.id)])),
      };
    }),
    behaviourTargets: measuresBehaviour
      ? behaviourTargets(
          sets,
          CORRUPTIONS,
          deterministic,
          texts.map((t) => t.text),
        )
      : null,
    corruptions: CORRUPTIONS.map((c) => ({
      id: c.id,
      description: c.description,
      expect: c.expect,
      applied: applied.get(c.id) ?? 0,
    })),
    sensitivity,
    blind,
    judge: judgeSection,
    labelCorrelation,
    agreement,
    repeatability,
    verbosity,
    position,
    notes,
  };
}
