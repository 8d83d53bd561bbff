/*
 * The charts (chart.js, inlined as the global `Chart`): metric by variant with interval whiskers,
 * the factorial effects as a forest plot, and cost against quality with labels that never overlap.
 */
import { COST, estimate, PALETTE, summary } from './data.js';

/** Draws interval whiskers for datasets that carry `intervals` ([low, high] per point). */
const whiskers = {
  id: 'whiskers',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y' || chart.config.type === 'scatter';
    chart.data.datasets.forEach((dataset, di) => {
      if (!dataset.intervals) return;
      const meta = chart.getDatasetMeta(di);
      if (meta.hidden) return;
      ctx.save();
      ctx.strokeStyle = '#111827';
      ctx.lineWidth = 1.5;
      meta.data.forEach((element, i) => {
        const interval = dataset.intervals[i];
        if (!interval) return;
        const scale = horizontal ? chart.scales.x : chart.scales.y;
        const across = horizontal ? element.y : element.x;
        const from = scale.getPixelForValue(interval[0]);
        const to = scale.getPixelForValue(interval[1]);
        // Draw in (along the value axis, across it) and transpose for vertical bars.
        const point = (along, off) => (horizontal ? [along, across + off] : [across + off, along]);
        ctx.beginPath();
        ctx.moveTo(...point(from, 0));
        ctx.lineTo(...point(to, 0));
        for (const end of [from, to]) {
          ctx.moveTo(...point(end, -5));
          ctx.lineTo(...point(end, 5));
        }
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Where each label goes: greedily, the first of a ring of positions around its point (at growing
 * distances) that overlaps no placed label and no point and stays in the chart area; a label
 * placed away from its point gets a leader line. Returns [{ text, box, from }].
 */
export function placeLabels(points, measure, area) {
  const POINT = 7;
  const obstacles = points.map((p) => ({ x: p.x - POINT, y: p.y - POINT, w: 2 * POINT, h: 2 * POINT }));
  const placed = [];
  for (const p of points) {
    const w = measure(p.label) + 4;
    const hgt = 14;
    let box = null;
    for (let ring = 1; ring <= 12 && !box; ring++) {
      const d = 4 + ring * 8;
      const around = [
        [d, -hgt / 2],
        [-d - w, -hgt / 2],
        [-w / 2, -d - hgt],
        [-w / 2, d],
        [d, -d - hgt],
        [d, d],
        [-d - w, -d - hgt],
        [-d - w, d],
      ];
      for (const [dx, dy] of around) {
        const candidate = { x: p.x + dx, y: p.y + dy, w, h: hgt };
        const inside =
          candidate.x >= area.left &&
          candidate.x + w <= area.right &&
          candidate.y >= area.top &&
          candidate.y + hgt <= area.bottom;
        if (
          inside &&
          !obstacles.some((o) => overlaps(o, candidate)) &&
          !placed.some((l) => overlaps(l.box, candidate))
        ) {
          box = candidate;
          break;
        }
      }
    }
    // No free spot within reach: stack below the lowest label so text still never overlaps.
    if (!box) {
      const bottom = Math.max(area.top, ...placed.map((l) => l.box.y + l.box.h));
      box = { x: Math.min(p.x + 8, area.right - w), y: bottom + 1, w, h: hgt };
    }
    placed.push({ text: p.label, box, from: { x: p.x, y: p.y } });
  }
  return placed;
}

/** Writes each point's label beside it without overlaps (the placements stay on `chart.$labels`). */
const pointLabels = {
  id: 'pointLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = '11px system-ui, sans-serif';
    const points = [];
    chart.data.datasets.forEach((dataset, di) => {
      chart.getDatasetMeta(di).data.forEach((element, i) => {
        const label = dataset.data[i]?.label;
        if (label) points.push({ x: element.x, y: element.y, label });
      });
    });
    const labels = placeLabels(points, (text) => ctx.measureText(text).width, chart.chartArea);
    ctx.textBaseline = 'middle';
    for (const label of labels) {
      const { box, from } = label;
      const nearest = { x: Math.max(box.x, Math.min(from.x, box.x + box.w)), y: box.y + box.h / 2 };
      if (Math.hypot(nearest.x - from.x, nearest.y - from.y) > 14) {
        ctx.strokeStyle = '#9ca3af';
        ctx.beginPath();
        ctx.moveTo(from.x, from.y);
        ctx.lineTo(nearest.x, nearest.y);
        ctx.stroke();
      }
      ctx.fillStyle = '#374151';
      ctx.fillText(label.text, box.x + 2, box.y + box.h / 2);
    }
    chart.$labels = labels;
    ctx.restore();
  },
};

Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, sans-serif';

const charts = {};
function replaceChart(id, config) {
  charts[id]?.destroy();
  charts[id] = new Chart(document.getElementById(id), config);
  return charts[id];
}

/** Metric by variant (bars per model) with 95% interval whiskers. */
export function drawMetricChart(metric) {
  const isCost = metric in COST;
  replaceChart('chart-metric', {
    type: 'bar',
    data: {
      labels: summary.variants,
      datasets: summary.models.map((model, mi) => {
        const points = summary.variants.map((v) => estimate(v, model, metric));
        return {
          label: model,
          data: points.map((e) => (e ? e.mean : null)),
          intervals: points.map((e) => (e?.ci ? [e.ci.low, e.ci.high] : null)),
          backgroundColor: `${PALETTE[mi % PALETTE.length]}99`,
          borderColor: PALETTE[mi % PALETTE.length],
          borderWidth: 1,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: isCost ? { beginAtZero: true } : { min: 0, max: 1 } },
      plugins: { title: { display: true, text: `${metric} by variant (mean, 95% CI)` } },
    },
    plugins: [whiskers],
  });
  document.getElementById('chart-metric').dataset.metric = metric;
}

/** The factorial effects of one metric (first model) as a forest plot; hidden when there are none. */
export function drawEffectsChart(metric) {
  const effects = summary.effects.filter((e) => e.metric === metric && e.model === summary.models[0]);
  const canvas = document.getElementById('chart-effects');
  canvas.parentElement.hidden = effects.length === 0;
  charts['chart-effects']?.destroy();
  if (!effects.length) return;
  const terms = effects.map((e) => e.term);
  // Every term keeps its own labelled row: a 2^5 ablation has 15 terms, which the default height
  // and Chart.js's label skipping would halve.
  canvas.parentElement.style.height = `${Math.max(340, 26 * terms.length + 90)}px`;
  // The axis spans every interval (and zero), not only the points.
  const lows = effects.map((e) => e.ci.low);
  const highs = effects.map((e) => e.ci.high);
  const span = Math.max(...highs, 0) - Math.min(...lows, 0) || 1;
  replaceChart('chart-effects', {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: 'effect (95% CI)',
          data: effects.map((e) => ({ x: e.estimate, y: e.term })),
          intervals: effects.map((e) => [e.ci.low, e.ci.high]),
          backgroundColor: effects.map((e) => (e.ci.low > 0 ? '#059669' : e.ci.high < 0 ? '#dc2626' : '#6b7280')),
          pointRadius: 6,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        y: { type: 'category', labels: terms, offset: true, ticks: { autoSkip: false } },
        x: {
          suggestedMin: Math.min(...lows, 0) - span * 0.05,
          suggestedMax: Math.max(...highs, 0) + span * 0.05,
          title: { display: true, text: `change in ${metric}` },
          grid: { color: (c) => (c.tick.value === 0 ? '#111827' : '#e5e7eb') },
        },
      },
      plugins: { legend: { display: false }, title: { display: true, text: `Factorial effects on ${metric}` } },
    },
    plugins: [whiskers],
  });
}

/** The cost metric the scatter uses: dollars when the run had a price, else output tokens. */
export function costAxis() {
  return summary.estimates.some((e) => e.metric === 'cost_usd' && e.mean > 0) ? 'cost_usd' : 'tokens_out';
}

/** Quality against cost, one point per variant × model, labelled by variant. */
export function drawCostChart(metric) {
  const costMetric = costAxis();
  replaceChart('chart-cost', {
    type: 'scatter',
    data: {
      datasets: summary.models.map((model, mi) => ({
        label: model,
        backgroundColor: PALETTE[mi % PALETTE.length],
        pointRadius: 6,
        data: summary.variants
          .map((variant) => {
            const q = estimate(variant, model, metric);
            const c = estimate(variant, model, costMetric);
            return q && c && q.mean !== null && c.mean !== null ? { x: c.mean, y: q.mean, label: variant } : null;
          })
          .filter(Boolean),
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { right: 24, top: 8 } },
      scales: {
        x: { title: { display: true, text: `${costMetric} per case` }, grace: '10%' },
        y: { title: { display: true, text: metric }, grace: '10%' },
      },
      plugins: { title: { display: true, text: `${metric} against ${costMetric}` } },
    },
    plugins: [pointLabels],
  });
}
