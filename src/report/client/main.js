/*
 * gherkin-bench report client: the entry module. src/report/page-script.ts assembles it and the
 * modules it imports into the one script index.html inlines; it runs offline.
 */

import { drawCases } from './cases.js';
import { drawCostChart, drawEffectsChart, drawMetricChart } from './charts.js';
import { openingMetric, QUALITY, summary } from './data.js';
import { metricSelect } from './dom.js';
import { drawEffects } from './effects.js';
import { drawComparisons, drawCosts, drawDetectable, drawEstimates } from './estimates.js';
import { drawHeadline } from './headline.js';
import { drawHeatmap } from './heatmap.js';

const initial = openingMetric();
const mount = (host, select) => document.getElementById(host).append(select);
mount('metric-select-host', metricSelect('metric-select', summary.metrics, initial, drawMetricChart));
mount('effects-select-host', metricSelect('effects-select', QUALITY, initial, drawEffectsChart));
mount('heatmap-select-host', metricSelect('heatmap-select', QUALITY, initial, drawHeatmap));
mount('cost-select-host', metricSelect('cost-select', QUALITY, initial, drawCostChart));
document.getElementById('case-filter').addEventListener('input', drawCases);
document.getElementById('failed-only').addEventListener('change', drawCases);
drawHeadline();
drawMetricChart(initial);
drawEffects();
drawEffectsChart(initial);
drawDetectable();
drawHeatmap(initial);
drawCostChart(initial);
drawCosts();
drawEstimates();
drawComparisons();
drawCases();
document.body.dataset.ready = 'true';
