/**
 * A labelling session: the blind, seeded sample of a run's cases an annotator labels, and what
 * the page is shown of each. Model, variant, repeat and case key never reach the page: a case is
 * known there only by its place in the sample.
 */
import { seededUniform } from '../analysis/random.js';
import { UserError } from '../errors.js';
import type { StoredRun } from '../run/store.js';
import type { CaseRecord, RunManifest } from '../run/types.js';
import type { JudgeMode } from '../scoring/judge/prompt.js';
import type { Rubric } from '../scoring/judge/rubric.js';
import { type Label, type LabelValue, latestLabels } from './store.js';

/** Cases labelled when `--sample` is not given. */
export const DEFAULT_SAMPLE = 40;

/** One case as the page sees it. */
export interface BlindCase {
  /** Place in the sample, 0-based: the only id the page knows. */
  n: number;
  requirement: string;
  candidate: string;
  /** The gold gherkin, only in reference-guided mode. */
  gold?: string;
}

/** One sampled case with what identifies it (kept on the server). */
export interface SampledCase {
  record: CaseRecord;
  shown: BlindCase;
}

/** What {@link sampleCases} needs. */
export interface SampleOptions {
  /** Cases to sample (default {@link DEFAULT_SAMPLE}; all when the run has fewer). */
  sample?: number;
  seed: number;
  mode: JudgeMode;
}

/** The rubric and mode a run's labels default to: its judge's, else the `default` rubric, reference-guided. */
export function labellingDefaults(manifest: RunManifest): { rubric: string; mode: JudgeMode } {
  const mode = (manifest.config?.judge as { mode?: unknown } | undefined)?.mode;
  return {
    rubric: manifest.judge?.rubric ?? 'default',
    mode: mode === 'reference-free' ? 'reference-free' : 'reference-guided',
  };
}

/** Fisher–Yates shuffle driven by a seeded generator. */
function shuffled<T>(values: readonly T[], seed: number): T[] {
  const out = [...values];
  const uniform = seededUniform(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The seeded sample of a run's cases that have a candidate, in a seeded order. The same run,
 * seed and size give every annotator the same cases in the same order (so their labels overlap).
 */
export function sampleCases(run: StoredRun, options: SampleOptions): SampledCase[] {
  const size = options.sample ?? DEFAULT_SAMPLE;
  if (!Number.isInteger(size) || size < 1) throw new UserError('BAD_USAGE', '--sample: must be a whole number ≥ 1');
  const items = new Map((run.manifest.items ?? []).map((item) => [item.id, item]));
  const candidates = [...run.records]
    .filter((r) => r.candidate !== null && items.has(r.itemId))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (candidates.length === 0)
    throw new UserError('BAD_INPUT', `${run.dir}: the run has no case with a candidate to label`);
  return shuffled(candidates, options.seed)
    .slice(0, size)
    .map((record, n) => {
      const item = items.get(record.itemId);
      const shown: BlindCase = {
        n,
        requirement: item?.requirement ?? '',
        candidate: record.candidate ?? '',
        ...(options.mode === 'reference-guided' ? { gold: item?.goldText ?? '' } : {}),
      };
      return { record, shown };
    });
}

/** The labels given so far, by place in the sample (for the page to resume where it stopped). */
export function labelsByPlace(
  cases: readonly SampledCase[],
  labels: readonly Label[],
): Record<number, Record<string, LabelValue>> {
  const latest = latestLabels(labels);
  const out: Record<number, Record<string, LabelValue>> = {};
  for (const c of cases) {
    const given = latest.get(c.record.key);
    if (given) out[c.shown.n] = Object.fromEntries(given);
  }
  return out;
}

/** What the page loads: the rubric's criteria and anchors, the blind cases, and the labels given so far. */
export interface SessionView {
  annotator: string;
  mode: JudgeMode;
  criteria: { id: string; question: string; anchors: Record<string, string> }[];
  cases: BlindCase[];
  labels: Record<number, Record<string, LabelValue>>;
}

/** The page's view of a session. */
export function sessionView(
  annotator: string,
  mode: JudgeMode,
  rubric: Rubric,
  cases: readonly SampledCase[],
  labels: readonly Label[],
): SessionView {
  return {
    annotator,
    mode,
    criteria: rubric.criteria.map((c) => ({ id: c.id, question: c.question, anchors: { ...c.anchors } })),
    cases: cases.map((c) => c.shown),
    labels: labelsByPlace(cases, labels),
  };
}
