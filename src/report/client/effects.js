/*
 * The factorial effects of the ablation (2^n, or a half fraction whose aliases are stated): a matrix (technique × quality metric, coloured by the
 * size of the effect, significant cells marked) and the table of estimates, intervals and p-values.
 */
import { effectPHolm, fmtCi, fmtDiff, QUALITY, summary } from './data.js';
import { h } from './dom.js';
import { int, pCell, sortableTable, txt } from './table.js';

const ALPHA = 0.05;
const isZero = (e) => e.estimate === 0 && e.ci.low === 0 && e.ci.high === 0;

/** Background of a matrix cell: green up, red down, stronger with the effect's share of the largest. */
function shade(estimate, largest) {
  if (!largest || estimate === 0) return '';
  const alpha = Math.min(1, Math.abs(estimate) / largest) * 0.75 + 0.05;
  return estimate > 0 ? `rgba(5, 150, 105, ${alpha.toFixed(3)})` : `rgba(220, 38, 38, ${alpha.toFixed(3)})`;
}

function matrix(model) {
  const effects = summary.effects.filter((e) => e.model === model && QUALITY.includes(e.metric));
  const metrics = QUALITY.filter((m) => effects.some((e) => e.metric === m));
  const terms = [...new Set(effects.map((e) => e.term))];
  const largest = Math.max(0, ...effects.map((e) => Math.abs(e.estimate)));
  const head = h(
    'tr',
    null,
    h('th', null, 'term'),
    metrics.map((m) => h('th', null, m)),
  );
  const rows = terms.map((term) =>
    h(
      'tr',
      null,
      h('th', null, term),
      metrics.map((metric) => {
        const e = effects.find((x) => x.term === term && x.metric === metric);
        if (!e) return h('td', null, '–');
        const significant = effectPHolm(e) < ALPHA;
        const td = h(
          'td',
          {
            className: significant ? 'sig' : '',
            title: `${term} on ${metric}: ${fmtDiff(e.estimate, metric)} ${fmtCi(e.ci, metric)}, p (Holm) ${pCell(effectPHolm(e)).text}`,
          },
          `${fmtDiff(e.estimate, metric)}${significant ? ' *' : ''}`,
        );
        td.style.background = shade(e.estimate, largest);
        return td;
      }),
    ),
  );
  return h(
    'table',
    { className: 'effects-matrix', dataset: { model } },
    h('thead', null, head),
    h('tbody', null, rows),
  );
}

export function drawEffects() {
  const host = document.getElementById('effects-matrix-host');
  const effects = summary.effects.filter((e) => QUALITY.includes(e.metric));
  document.getElementById('effects-empty').hidden = effects.length > 0;
  if (!effects.length) return;
  host.replaceChildren(
    ...summary.models.flatMap((model) =>
      summary.models.length > 1 ? [h('h3', null, model), matrix(model)] : [matrix(model)],
    ),
    h(
      'p',
      { className: 'muted' },
      'Each cell: the mean over items of the per-item contrast (on − off). * marks p (Holm) < 0.05, adjusted over the terms of one metric. Colour: green up, red down, stronger for larger effects.',
    ),
    summary.methods.design
      ? h('p', { className: 'design', id: 'effects-design' }, `Design: ${summary.methods.design}.`)
      : null,
  );
  const aliased = effects.some((e) => e.aliasedWith);
  const rows = effects.map((e) => ({
    noise: isZero(e),
    cells: [
      txt(e.metric),
      txt(e.term),
      txt(e.kind),
      ...(summary.models.length > 1 ? [txt(e.model)] : []),
      {
        text: fmtDiff(e.estimate, e.metric),
        value: e.estimate,
        className: effectPHolm(e) < ALPHA ? (e.estimate > 0 ? 'up' : 'down') : '',
      },
      txt(fmtCi(e.ci, e.metric)),
      pCell(e.pValue),
      pCell(effectPHolm(e)),
      int(e.items),
      ...(aliased ? [txt(e.aliasedWith ?? '–')] : []),
    ],
  }));
  const columns = [
    'metric',
    'term',
    'kind',
    ...(summary.models.length > 1 ? ['model'] : []),
    'effect',
    '95% CI',
    'p',
    'p (Holm)',
    'items',
    ...(aliased ? ['aliased with'] : []),
  ];
  document.getElementById('effects-table-host').replaceChildren(sortableTable('effects-table', columns, rows));
}
