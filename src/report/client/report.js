/*
 * gherkin-bench report client. Runs inside index.html, offline. Every piece of run data is
 * inserted with textContent (never innerHTML), so model and dataset text renders as text.
 * Globals provided by inlined libraries: Chart (chart.js UMD), Diff (jsdiff UMD).
 */
/** @typedef {import('../report-data.js').ReportData} ReportData */
/** @typedef {import('../report-data.js').ReportCase} ReportCase */
(() => {
  /**
   * The run's data as html.ts embedded it (id REPORT_DATA_ELEMENT of report-data.ts).
   * @type {ReportData}
   */
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const summary = data.summary;
  const COST = { tokens_in: 0, tokens_out: 0, calls: 2, latency_ms: 0, cost_usd: 5 };
  const QUALITY = summary.metrics.filter((m) => !(m in COST));
  const PALETTE = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#65a30d'];

  /** Create an element; children are nodes or strings (strings become text nodes). */
  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'className') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(
        typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
      );
    }
    return node;
  }
  function fmt(value, metric) {
    if (value === null || value === undefined || !Number.isFinite(value)) return '–';
    return value.toFixed(metric in COST ? COST[metric] : 3);
  }
  function fmtCi(ci, metric) {
    return ci ? `[${fmt(ci.low, metric)}, ${fmt(ci.high, metric)}]` : '';
  }
  function estimate(variant, model, metric) {
    return summary.estimates.find((e) => e.variant === variant && e.model === model && e.metric === metric);
  }
  function metricSelect(id, metrics, initial, onChange) {
    const select = h(
      'select',
      { id, 'aria-label': 'metric' },
      metrics.map((m) => h('option', { value: m }, m)),
    );
    select.value = metrics.includes(initial) ? initial : metrics[0];
    select.addEventListener('change', () => onChange(select.value));
    return select;
  }

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
  /** Writes each point's label beside it (cost-vs-quality chart). */
  const pointLabels = {
    id: 'pointLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = '11px system-ui, sans-serif';
      ctx.fillStyle = '#374151';
      chart.data.datasets.forEach((dataset, di) => {
        chart.getDatasetMeta(di).data.forEach((element, i) => {
          const label = dataset.data[i]?.label;
          if (label) ctx.fillText(label, element.x + 6, element.y - 6);
        });
      });
      ctx.restore();
    },
  };
  Chart.defaults.animation = false;
  Chart.defaults.font.family = 'system-ui, sans-serif';

  // 1. Metric by variant, with interval whiskers.
  let metricChart;
  function drawMetricChart(metric) {
    if (metricChart) metricChart.destroy();
    const isCost = metric in COST;
    metricChart = new Chart(document.getElementById('chart-metric'), {
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
  }

  // 2. Factorial effects forest plot.
  let effectsChart;
  function drawEffects(metric) {
    if (effectsChart) effectsChart.destroy();
    const effects = summary.effects.filter((e) => e.metric === metric && e.model === summary.models[0]);
    const canvas = document.getElementById('chart-effects');
    const empty = document.getElementById('effects-empty');
    empty.hidden = effects.length > 0;
    canvas.parentElement.hidden = effects.length === 0;
    if (!effects.length) return;
    const terms = effects.map((e) => e.term);
    // The axis spans every interval (and zero), not only the points.
    const lows = effects.map((e) => e.ci.low);
    const highs = effects.map((e) => e.ci.high);
    const span = Math.max(...highs, 0) - Math.min(...lows, 0) || 1;
    const xMin = Math.min(...lows, 0) - span * 0.05;
    const xMax = Math.max(...highs, 0) + span * 0.05;
    effectsChart = new Chart(canvas, {
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
          y: { type: 'category', labels: terms, offset: true },
          x: {
            suggestedMin: xMin,
            suggestedMax: xMax,
            title: { display: true, text: `change in ${metric}` },
            grid: { color: (c) => (c.tick.value === 0 ? '#111827' : '#e5e7eb') },
          },
        },
        plugins: { legend: { display: false }, title: { display: true, text: `Factorial effects on ${metric}` } },
      },
      plugins: [whiskers],
    });
  }

  // 3. Per-service heatmap.
  function drawHeatmap(metric) {
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

  // 4. Cost against quality.
  let costChart;
  function drawCost(metric) {
    if (costChart) costChart.destroy();
    const costMetric = summary.estimates.some((e) => e.metric === 'cost_usd' && e.mean > 0) ? 'cost_usd' : 'tokens_out';
    costChart = new Chart(document.getElementById('chart-cost'), {
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
        scales: {
          x: { title: { display: true, text: `${costMetric} per case` } },
          y: { title: { display: true, text: metric } },
        },
        plugins: { title: { display: true, text: `${metric} against ${costMetric}` } },
      },
      plugins: [pointLabels],
    });
  }

  /** A table whose columns sort on click; rows are arrays of { text, value }. */
  function sortableTable(id, columns, rows) {
    const tbody = h('tbody');
    let sortState = { index: -1, dir: 1 };
    function render() {
      tbody.replaceChildren(
        ...rows.map((row) =>
          h(
            'tr',
            row.attrs || null,
            row.cells.map((cell) => h('td', { className: cell.className || '' }, cell.text)),
          ),
        ),
      );
    }
    const head = h(
      'tr',
      null,
      columns.map((column, index) =>
        h(
          'th',
          {
            tabindex: 0,
            role: 'columnheader',
            onclick: () => {
              sortState = { index, dir: sortState.index === index ? -sortState.dir : 1 };
              rows.sort((a, b) => {
                const x = a.cells[index].value;
                const y = b.cells[index].value;
                return (x < y ? -1 : x > y ? 1 : 0) * sortState.dir;
              });
              render();
            },
          },
          column,
        ),
      ),
    );
    render();
    return h('table', { id, className: 'sortable' }, h('thead', null, head), tbody);
  }
  const num = (value, metric, className) => ({
    text: fmt(value, metric),
    value: value === null || value === undefined ? -Infinity : value,
    className,
  });
  const txt = (text) => ({ text: String(text), value: String(text) });

  function drawTables() {
    const estimates = summary.estimates.map((e) => ({
      cells: [
        txt(e.variant),
        txt(e.model),
        txt(e.metric),
        num(e.mean, e.metric),
        txt(fmtCi(e.ci, e.metric)),
        num(e.items, 'calls'),
        num(e.pass ? e.pass.rate : null, 'rate'),
      ],
    }));
    document
      .getElementById('estimates-host')
      .replaceChildren(
        sortableTable('estimates', ['variant', 'model', 'metric', 'mean', '95% CI', 'items', 'pass rate'], estimates),
      );
    const comparisons = summary.comparisons.map((c) => ({
      cells: [
        txt(c.variant),
        txt(c.model),
        txt(c.metric),
        num(c.meanDiff, c.metric, c.significant ? (c.meanDiff > 0 ? 'up' : 'down') : ''),
        txt(fmtCi(c.ci, c.metric)),
        txt(c.test),
        num(c.pHolm, 'p'),
        txt(c.significant ? 'yes' : 'no'),
        num(c.correlation, 'r'),
        num(c.pairs, 'tokens_in'),
      ],
    }));
    document
      .getElementById('comparisons-host')
      .replaceChildren(
        sortableTable(
          'comparisons',
          [
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
          ],
          comparisons,
        ),
      );
  }

  // 5. Cases and the drill-down.
  const items = data.items;
  /** @param {ReportCase} c */
  function caseFailed(c) {
    return Boolean(c.error) || c.scores.some((s) => s.pass === false);
  }
  /**
   * @param {ReportCase} c
   * @param {string} metric
   * @returns {number | null}
   */
  function scoreOf(c, metric) {
    const s = c.scores.find((x) => x.metric === metric);
    return s ? s.value : null;
  }
  const CASE_LIMIT = 500;
  function drawCases() {
    const filter = document.getElementById('case-filter').value.toLowerCase();
    const failedOnly = document.getElementById('failed-only').checked;
    const matching = data.cases.filter(
      (c) =>
        (!failedOnly || caseFailed(c)) &&
        (!filter || `${c.itemId} ${c.variant} ${c.model}`.toLowerCase().includes(filter)),
    );
    const shown = matching.slice(0, CASE_LIMIT);
    const metrics = ['parse', 'structure', 'grounding', 'judge.overall'].filter((m) => summary.metrics.includes(m));
    const rows = shown.map((c) => ({
      attrs: {
        className: caseFailed(c) ? 'failed case-row' : 'case-row',
        dataset: { key: c.key },
        onclick: () => openCase(c),
        tabindex: 0,
      },
      cells: [
        txt(c.itemId),
        txt(c.variant),
        txt(c.model),
        num(c.repeat, 'tokens_in'),
        txt(c.error ? `failed (${c.error.stage})` : caseFailed(c) ? 'check failed' : 'ok'),
        ...metrics.map((m) => num(scoreOf(c, m), m)),
      ],
    }));
    document
      .getElementById('cases-host')
      .replaceChildren(sortableTable('cases', ['item', 'variant', 'model', 'repeat', 'status', ...metrics], rows));
    document.getElementById('case-count').textContent =
      matching.length > CASE_LIMIT
        ? `showing ${CASE_LIMIT} of ${matching.length} cases — refine the filter`
        : `${matching.length} cases`;
  }
  function pre(text, className) {
    return h('pre', { className: className || '' }, text === null || text === undefined ? '' : String(text));
  }
  function diffView(gold, candidate) {
    const parts = Diff.diffLines(gold || '', candidate || '');
    return h(
      'pre',
      { className: 'diff' },
      parts.map((part) =>
        h(
          'span',
          { className: part.added ? 'add' : part.removed ? 'del' : '' },
          part.value
            .replace(/\n$/, '')
            .split('\n')
            .map((line) => `${part.added ? '+ ' : part.removed ? '- ' : '  '}${line}\n`)
            .join(''),
        ),
      ),
    );
  }
  /** @param {ReportCase} c */
  function openCase(c) {
    const item = items[c.itemId] || {};
    const panel = document.getElementById('case-detail');
    const scores = h(
      'table',
      { className: 'scores' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, 'metric'),
          h('th', null, 'value'),
          h('th', null, 'verdict'),
          h('th', null, 'reason'),
        ),
      ),
      h(
        'tbody',
        null,
        c.scores.map((s) =>
          h(
            'tr',
            { className: s.pass === false ? 'failed' : '' },
            h('td', null, s.metric),
            h('td', null, fmt(s.value, s.metric)),
            h('td', null, s.pass === undefined ? '' : s.pass ? 'pass' : 'fail'),
            h('td', null, s.reason || ''),
          ),
        ),
      ),
    );
    const judge = c.scores.filter((s) => s.metric.startsWith('judge.') && s.details?.rationale);
    // Behaviour's counterexamples: states where the candidate decides differently from the gold.
    const behaviour = c.scores.find((s) => s.metric === 'behaviour');
    const counterexamples = behaviour?.details?.counterexamples ?? [];
    const disagreed = behaviour?.details?.disagreed ?? counterexamples.length;
    const counterBlock = counterexamples.length
      ? [
          h('h4', null, `Counterexamples (${disagreed} of ${behaviour.details.states} states decided differently)`),
          h(
            'ul',
            { className: 'counterexamples' },
            counterexamples.map((x) => h('li', null, String(x.text))),
          ),
        ]
      : [];
    const content = h(
      'div',
      null,
      h('h3', null, `${c.itemId} · ${c.variant} · ${c.model} · repeat ${c.repeat}`),
      c.error ? h('p', { className: 'error' }, `Failed at ${c.error.stage}: ${c.error.message}`) : null,
      h('h4', null, 'Requirement'),
      h('p', null, item.requirement || ''),
      h('h4', null, 'Scores'),
      scores,
      ...counterBlock,
      judge.length ? h('h4', null, 'Judge rationale') : null,
      judge.map((s) => h('div', null, h('strong', null, s.metric), pre(String(s.details.rationale)))),
      h('h4', null, 'Candidate beside the gold'),
      h(
        'div',
        { className: 'side-by-side' },
        h('div', null, h('h5', null, 'gold'), pre(item.goldText)),
        h('div', null, h('h5', null, 'candidate'), pre(c.candidate === null ? '(no candidate)' : c.candidate)),
      ),
      h('details', null, h('summary', null, 'Line diff (gold → candidate)'), diffView(item.goldText, c.candidate)),
      h('h4', null, `Few-shot exemplars: ${c.trace.fewShotIds.length ? c.trace.fewShotIds.join(', ') : 'none'}`),
      h('h4', null, `Retrieved passages (${c.trace.retrieved.length})`),
      c.trace.retrieved.map((p) => pre(p.text || `${p.service}.${p.method}`)),
      h('h4', null, `Chain (${c.trace.steps.length} step${c.trace.steps.length === 1 ? '' : 's'})`),
      c.trace.steps.map((step, i) =>
        h(
          'details',
          { open: i === c.trace.steps.length - 1 ? '' : null },
          h(
            'summary',
            null,
            `${i + 1}. ${step.name} — ${step.modelId}${step.cached ? ' (cached)' : ''}, ${step.usage.inputTokens}→${step.usage.outputTokens} tokens, ${Math.round(step.latencyMs)} ms`,
          ),
          h('h5', null, 'system'),
          pre(step.system),
          h('h5', null, 'prompt'),
          pre(step.prompt),
          h('h5', null, 'response'),
          pre(step.response),
        ),
      ),
    );
    panel.replaceChildren(content);
    panel.hidden = false;
    panel.scrollIntoView({ block: 'start' });
  }

  const initial = QUALITY.includes('structure') ? 'structure' : QUALITY[0] || summary.metrics[0];
  document
    .getElementById('metric-select-host')
    .append(metricSelect('metric-select', summary.metrics, initial, drawMetricChart));
  document.getElementById('effects-select-host').append(metricSelect('effects-select', QUALITY, initial, drawEffects));
  document.getElementById('heatmap-select-host').append(metricSelect('heatmap-select', QUALITY, initial, drawHeatmap));
  document.getElementById('cost-select-host').append(metricSelect('cost-select', QUALITY, initial, drawCost));
  document.getElementById('case-filter').addEventListener('input', drawCases);
  document.getElementById('failed-only').addEventListener('change', drawCases);
  drawMetricChart(initial);
  drawEffects(initial);
  drawHeatmap(initial);
  drawCost(initial);
  drawTables();
  drawCases();
  document.body.dataset.ready = 'true';
})();
