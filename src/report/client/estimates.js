/*
 * The tables of numbers: quality estimates, paired comparisons against the reference variant, the
 * minimum detectable effect, and the costs apart from quality.
 */
import { COSTS, estimate, fmtCi, QUALITY, summary } from './data.js';
import { h } from './dom.js';
import { int, num, pCell, sortableTable, txt } from './table.js';

/** A metric whose mean is 0 under every variant and model (no information, e.g. cost_usd offline). */
const alwaysZero = (metric) => summary.estimates.filter((e) => e.metric === metric).every((e) => e.mean === 0);

export function drawEstimates() {
  const rows = summary.estimates
    .filter((e) => QUALITY.includes(e.metric))
    .map((e) => ({
      noise: alwaysZero(e.metric),
      cells: [
        txt(e.variant),
        txt(e.model),
        txt(e.metric),
        num(e.mean, e.metric),
        txt(fmtCi(e.ci, e.metric)),
        int(e.items),
        num(e.pass ? e.pass.rate : null, 'rate'),
      ],
    }));
  document
    .getElementById('estimates-host')
    .replaceChildren(
      sortableTable('estimates', ['variant', 'model', 'metric', 'mean', '95% CI', 'items', 'pass rate'], rows),
    );
}

export function drawComparisons() {
  const rows = summary.comparisons
    .filter((c) => QUALITY.includes(c.metric))
    .map((c) => ({
      // No item differs: a row of zeros (its interval may still be wide, e.g. Newcombe's for 0/1 metrics).
      noise: c.nonZero === 0,
      cells: [
        txt(c.variant),
        txt(c.model),
        txt(c.metric),
        num(c.meanDiff, c.metric, c.significant ? (c.meanDiff > 0 ? 'up' : 'down') : ''),
        txt(fmtCi(c.ci, c.metric)),
        txt(c.test),
        pCell(c.pHolm),
        txt(c.significant ? 'yes' : 'no'),
        num(c.correlation, 'r'),
        int(c.pairs),
      ],
    }));
  const columns = [
    'variant',
    'model',
    'metric',
    `Δ vs ${summary.reference}`,
    '95% CI',
    'test',
    'p (Holm)',
    'significant',
    'r',
    'pairs',
  ];
  document.getElementById('comparisons-host').replaceChildren(sortableTable('comparisons', columns, rows));
}

export function drawDetectable() {
  const row = (tests) => (d) => ({
    noise: d.sdDiff === 0,
    cells: [
      txt(d.metric),
      txt(tests),
      int(d.items),
      txt(d.alpha.toPrecision(2)),
      num(d.sdDiff, d.metric),
      d.detectable ? num(d.mde, d.metric) : txt('not detectable at this n'),
    ],
  });
  const rows = [
    ...summary.detectable.filter((d) => QUALITY.includes(d.metric)).map(row(`vs ${summary.reference}`)),
    ...(summary.detectableEffects ?? []).filter((d) => QUALITY.includes(d.metric)).map(row('factorial effects')),
  ];
  const host = document.getElementById('mde-host');
  if (!rows.length) {
    host.replaceChildren(h('p', { className: 'muted' }, 'No paired comparisons, so no detectable effect to report.'));
    return;
  }
  host.replaceChildren(
    h(
      'p',
      null,
      `The smallest true difference from ${summary.reference} (or factorial effect) that the paired sign-flip test over this run's items detects with 80% power at the Holm-adjusted α of its family (two-sided). A difference smaller than this that is not significant is not evidence of no difference.`,
    ),
    sortableTable('mde-table', ['metric', 'tests', 'items', 'α', 'SD of per-item values', 'MDE'], rows),
  );
}

/** Costs per variant (× model), apart from quality. */
export function drawCosts() {
  const several = summary.models.length > 1;
  const rows = summary.models.flatMap((model) =>
    summary.variants.map((variant) => ({
      cells: [
        txt(variant),
        ...(several ? [txt(model)] : []),
        ...COSTS.map((m) => {
          const e = estimate(variant, model, m);
          return num(e ? e.mean : null, m);
        }),
      ],
    })),
  );
  const columns = ['variant', ...(several ? ['model'] : []), ...COSTS];
  document.getElementById('costs-host').replaceChildren(sortableTable('costs', columns, rows));
  document
    .getElementById('costs-host')
    .append(
      h(
        'p',
        { className: 'muted' },
        `Means per case (cost_usd in US dollars, latency_ms in milliseconds).${COSTS.some(alwaysZero) ? ` Zero under every variant: ${COSTS.filter(alwaysZero).join(', ')}.` : ''}`,
      ),
    );
}
