/*
 * The run's data as the page reads it, and the number formats every view shares (the same as
 * summary.md: 3 decimals for quality, units for costs, `<0.001` for small p-values).
 */

/** The page data: ReportData of src/report/report-data.ts ({ summary, items, cases, details }). */
export const data = JSON.parse(document.getElementById('report-data').textContent);
export const summary = data.summary;
/** Cost metrics and their decimals; every other metric is a quality metric in [0, 1]. */
export const COST = { tokens_in: 0, tokens_out: 0, calls: 2, latency_ms: 0, cost_usd: 5 };
export const QUALITY = summary.metrics.filter((m) => !(m in COST));
export const COSTS = summary.metrics.filter((m) => m in COST);
export const PALETTE = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#65a30d'];

export function fmt(value, metric) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toFixed(metric in COST ? COST[metric] : 3);
}
export function fmtInt(value) {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : String(Math.round(value));
}
export function fmtP(p) {
  if (p === null || p === undefined || !Number.isFinite(p)) return '–';
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}
export function fmtDiff(value, metric) {
  const text = fmt(value, metric);
  return value > 0 ? `+${text}` : text;
}
export function fmtCi(ci, metric) {
  return ci ? `[${fmt(ci.low, metric)}, ${fmt(ci.high, metric)}]` : '';
}

export function estimate(variant, model, metric) {
  return summary.estimates.find((e) => e.variant === variant && e.model === model && e.metric === metric);
}

/** Largest difference between two variants' means of a metric, over the models. */
export function spread(metric) {
  let widest = 0;
  for (const model of summary.models) {
    const means = summary.variants.map((v) => estimate(v, model, metric)?.mean).filter((m) => Number.isFinite(m));
    if (means.length > 1) widest = Math.max(widest, Math.max(...means) - Math.min(...means));
  }
  return widest;
}

function hasValues(metric) {
  return summary.estimates.some((e) => e.metric === metric && Number.isFinite(e.mean));
}

/**
 * The metric the page opens on: the judge's overall score when a judge ran, otherwise the logic
 * metric (`behaviour`) when the run has it, otherwise the quality metric that varies most between
 * variants (the first in the run's order on a tie).
 */
export function openingMetric() {
  if (summary.judge.run && hasValues('judge.overall')) return 'judge.overall';
  if (hasValues('behaviour')) return 'behaviour';
  let best = QUALITY[0] ?? summary.metrics[0];
  let widest = -1;
  for (const metric of QUALITY) {
    const s = spread(metric);
    if (s > widest + 1e-12) {
      best = metric;
      widest = s;
    }
  }
  return best;
}

/** Holm-adjusted p of an effect (summary.json adjusts over the terms of one metric and model). */
export function effectPHolm(effect) {
  return effect.pHolm;
}
