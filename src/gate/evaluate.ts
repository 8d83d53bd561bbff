/**
 * The regression gate: compare a run with a baseline under the rules. Pure: it reads the current
 * run's summary and per-item scores, and the baseline; it never calls a model.
 */
import { formatValue } from '../analysis/format.js';
import { mean, pairedDifferenceInterval } from '../analysis/intervals.js';
import { signFlipTest } from '../analysis/permutation.js';
import { seededUniform } from '../analysis/random.js';
import { holm } from '../analysis/tests.js';
import type { Interval, Summary } from '../analysis/types.js';
import { UserError } from '../errors.js';
import type { CaseRecord, RunManifest } from '../run/types.js';
import { COST_METRICS } from '../scoring/types.js';
import { type Baseline, itemScores, passedItems, seriesKey } from './baseline.js';
import { labelRuleChecks } from './label-rule.js';
import type { GateRules } from './rules.js';

/** One rule applied to one variant × model. */
export interface GateCheck {
  /** e.g. `structure[cot+rag] no significant regression (margin 0.02)`. */
  name: string;
  metric: string;
  variant: string;
  model: string;
  kind: 'min' | 'max' | 'maxDrop' | 'noSignificantRegression' | 'judgeAgreement';
  baseline: number | null;
  current: number | null;
  /** Mean of current − baseline over shared items. */
  diff: number | null;
  ci: Interval | null;
  pairs: number;
  pValue: number | null;
  pHolm: number | null;
  verdict: 'pass' | 'fail';
  reason: string;
}

/** An item that passed a metric in the baseline and fails it now. */
export interface Flip {
  itemId: string;
  variant: string;
  model: string;
  metric: string;
}

/** The gate's result. */
export interface GateResult {
  passed: boolean;
  checks: GateCheck[];
  flips: Flip[];
  warnings: string[];
}

/** Options of {@link evaluateGate}. */
export interface GateOptions {
  /** Warn instead of refusing when the dataset, prompts or variants differ. */
  allowMismatch?: boolean;
  /** Seed of the Monte-Carlo permutation tests. */
  seed?: number;
  /** Monte-Carlo sign patterns above the exact limit (default 10,000). */
  draws?: number;
}

/** Refuse (or warn about) a baseline that measured something else than the run. */
export function compatibility(baseline: Baseline, manifest: RunManifest, summary: Summary): string[] {
  const problems: string[] = [];
  if (baseline.dataset.hash !== manifest.dataset.hash) {
    problems.push(
      `dataset differs (baseline ${baseline.dataset.name}/${baseline.dataset.split} ${baseline.dataset.hash.slice(0, 12)}, run ${manifest.dataset.name}/${manifest.dataset.split} ${manifest.dataset.hash.slice(0, 12)})`,
    );
  }
  const missing = baseline.variants.filter((v) => !summary.variants.includes(v));
  const extra = summary.variants.filter((v) => !baseline.variants.includes(v));
  if (missing.length || extra.length) {
    problems.push(
      `variants differ (${[missing.length ? `missing from the run: ${missing.join(', ')}` : '', extra.length ? `not in the baseline: ${extra.join(', ')}` : ''].filter(Boolean).join('; ')})`,
    );
  }
  const models = baseline.models.filter((m) => !summary.models.includes(m));
  if (models.length) problems.push(`models differ (missing from the run: ${models.join(', ')})`);
  return problems;
}

/** Evaluate the gate. Throws a UserError when the baseline does not match the run (unless allowed). */
export function evaluateGate(
  baseline: Baseline,
  current: { manifest: RunManifest; records: readonly CaseRecord[]; summary: Summary },
  rules: GateRules,
  options: GateOptions = {},
): GateResult {
  const warnings: string[] = [];
  const problems = compatibility(baseline, current.manifest, current.summary);
  if (problems.length) {
    const message = `the baseline does not match the run: ${problems.join('; ')}`;
    if (!options.allowMismatch)
      throw new UserError('BAD_INPUT', `${message}. Save a new baseline, or pass --allow-mismatch to compare anyway.`);
    warnings.push(message);
  }
  const uniform = seededUniform(options.seed ?? 1);
  const scores = itemScores(current.records);
  const checks: GateCheck[] = [];
  const pending: { check: GateCheck; p: number; method: 'exact' | 'monte-carlo' }[] = [];
  for (const rule of rules.rules) {
    const isCost = (COST_METRICS as readonly string[]).includes(rule.metric);
    for (const model of baseline.models) {
      for (const variant of rule.variants ?? baseline.variants) {
        const key = seriesKey(variant, model, rule.metric);
        const base = baseline.estimates.find(
          (e) => e.variant === variant && e.model === model && e.metric === rule.metric,
        );
        const now = current.summary.estimates.find(
          (e) => e.variant === variant && e.model === model && e.metric === rule.metric,
        );
        if (rule.optional && !base && !now) continue;
        const baseItems = baseline.scores[key] ?? {};
        const nowItems = scores[key] ?? {};
        const shared = Object.keys(baseItems)
          .filter((id) => id in nowItems)
          .sort();
        const diffs = shared.map((id) => (nowItems[id] as number) - (baseItems[id] as number));
        const common = {
          metric: rule.metric,
          variant,
          model,
          baseline: base?.mean ?? null,
          current: now?.mean ?? null,
          diff: diffs.length ? mean(diffs) : null,
          ci: pairedDifferenceInterval(
            shared.map((id) => nowItems[id] as number),
            shared.map((id) => baseItems[id] as number),
            { bounds: isCost ? undefined : [-1, 1] },
          ),
          pairs: shared.length,
          pValue: null,
          pHolm: null,
        };
        const label = `${rule.metric}[${variant}]${baseline.models.length > 1 ? `@${model}` : ''}`;
        const missing = common.current === null;
        const add = (kind: GateCheck['kind'], name: string, ok: boolean, reason: string): GateCheck => {
          const check: GateCheck = {
            ...common,
            name: `${label} ${name}`,
            kind,
            verdict: ok && !missing ? 'pass' : 'fail',
            reason: missing ? `${rule.metric} has no value for ${variant} in the run` : reason,
          };
          checks.push(check);
          return check;
        };
        const cur = common.current ?? Number.NaN;
        const show = (v: number): string => formatValue(v, rule.metric);
        if (rule.min !== undefined)
          add(
            'min',
            `>= ${rule.min}`,
            cur >= rule.min,
            `current ${show(cur)} ${cur >= rule.min ? '>=' : '<'} floor ${rule.min}`,
          );
        if (rule.max !== undefined)
          add(
            'max',
            `<= ${rule.max}`,
            cur <= rule.max,
            `current ${show(cur)} ${cur <= rule.max ? '<=' : '>'} ceiling ${rule.max}`,
          );
        if (rule.maxDrop !== undefined) {
          const b = common.baseline;
          const drop = b === null ? Number.NaN : isCost ? cur - b : b - cur;
          const ok = b !== null && drop <= rule.maxDrop + 1e-12;
          add(
            'maxDrop',
            `${isCost ? 'rise' : 'drop'} <= ${rule.maxDrop}`,
            ok,
            b === null
              ? `the baseline has no ${rule.metric} for ${variant}`
              : `${isCost ? 'rise' : 'drop'} ${show(drop)} (baseline ${show(b)} → ${show(cur)})`,
          );
        }
        if (rule.noSignificantRegression) {
          const margin = rule.noSignificantRegression.margin;
          const signed = isCost ? diffs.map((d) => -d) : diffs;
          const check = add('noSignificantRegression', `no significant regression (margin ${margin})`, true, '');
          if (shared.length < 2) {
            check.verdict = 'fail';
            check.reason = `only ${shared.length} shared items: cannot test`;
          } else {
            // H0: mean(signed Δ) = −margin; H1: below it. A test of the mean, so a minority of items
            // that drop far counts in full, and unchanged items do not outvote it.
            const test = signFlipTest(signed, {
              uniform,
              nullValue: -margin,
              alternative: 'less',
              draws: options.draws,
            });
            pending.push({ check, p: test.pValue, method: test.method });
          }
        }
      }
    }
  }
  const adjusted = holm(pending.map((x) => x.p));
  pending.forEach(({ check, p, method }, i) => {
    const pHolm = adjusted[i] as number;
    check.pValue = p;
    check.pHolm = pHolm;
    if (check.current === null) return;
    const regressed = pHolm < rules.alpha;
    check.verdict = regressed ? 'fail' : 'pass';
    check.reason = `${regressed ? 'significant regression' : 'no significant regression'}: mean Δ ${(check.diff ?? 0).toFixed(3)} over ${check.pairs} items, one-sided sign-flip test of the mean (${method}) p ${p.toPrecision(2)}, Holm ${pHolm.toPrecision(2)} (α ${rules.alpha})`;
  });

  checks.push(...labelRuleChecks(current.summary, rules.labels ?? []));

  const flips: Flip[] = [];
  const nowPassed = passedItems(current.records);
  for (const [key, items] of Object.entries(baseline.passed)) {
    const [variant = '', model = '', metric = ''] = key.split('|');
    const present = new Set(Object.keys(scores[seriesKey(variant, model, metric)] ?? {}));
    const passing = new Set(nowPassed[key] ?? []);
    for (const itemId of items)
      if (present.has(itemId) && !passing.has(itemId)) flips.push({ itemId, variant, model, metric });
  }
  return { passed: checks.every((c) => c.verdict === 'pass'), checks, flips, warnings };
}
