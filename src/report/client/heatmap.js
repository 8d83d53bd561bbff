/* The per-service heatmap of one metric (first model): a row per service, a column per variant. */
import { fmt, summary } from './data.js';
import { h } from './dom.js';

export function drawHeatmap(metric) {
  const host = document.getElementById('heatmap');
  host.replaceChildren();
  const cells = summary.breakdowns.filter(
    (b) => b.by === 'service' && b.metric === metric && b.model === summary.models[0],
  );
  const services = [...new Set(cells.map((c) => c.key))].sort();
  if (!services.length) {
    host.append(h('p', { className: 'muted' }, 'No per-service values for this metric.'));
    return;
  }
  const head = h(
    'tr',
    null,
    h('th', null, 'service'),
    summary.variants.map((v) => h('th', null, v)),
  );
  const rows = services.map((service) =>
    h(
      'tr',
      null,
      h('th', null, service),
      summary.variants.map((variant) => {
        const cell = cells.find((c) => c.key === service && c.variant === variant);
        const value = cell ? cell.mean : null;
        const td = h('td', { title: cell ? `${cell.items} items` : '' }, fmt(value, metric));
        if (value !== null && value !== undefined)
          td.style.background = `hsl(${Math.round(120 * Math.max(0, Math.min(1, value)))}, 70%, 80%)`;
        return td;
      }),
    ),
  );
  host.append(h('table', { className: 'heatmap' }, h('thead', null, head), h('tbody', null, rows)));
}
