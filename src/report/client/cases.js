/*
 * The cases table and the drill-down into one case (decoded when opened, details.js): requirement,
 * scores, judge rationale, the candidate beside the gold with a line diff (jsdiff, inlined as the
 * global `Diff`), the few-shot exemplars, the retrieved passages and each step of the chain.
 */
import { data, fmt, QUALITY } from './data.js';
import { caseDetail } from './details.js';
import { h, pre } from './dom.js';
import { int, num, sortableTable, txt } from './table.js';

const items = data.items;
/** Each case's position in data.cases, where its drill-down is stored. */
const caseIndex = new Map(data.cases.map((c, i) => [c, i]));
function caseFailed(c) {
  return Boolean(c.error) || c.scores.some((s) => s.pass === false);
}
function scoreOf(c, metric) {
  const s = c.scores.find((x) => x.metric === metric);
  return s ? s.value : null;
}
const CASE_LIMIT = 500;

export function drawCases() {
  const filter = document.getElementById('case-filter').value.toLowerCase();
  const failedOnly = document.getElementById('failed-only').checked;
  const matching = data.cases.filter(
    (c) =>
      (!failedOnly || caseFailed(c)) &&
      (!filter || `${c.itemId} ${c.variant} ${c.model}`.toLowerCase().includes(filter)),
  );
  const shown = matching.slice(0, CASE_LIMIT);
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
      int(c.repeat),
      txt(c.error ? `failed (${c.error.stage})` : caseFailed(c) ? 'check failed' : 'ok'),
      ...QUALITY.map((m) => num(scoreOf(c, m), m)),
    ],
  }));
  document
    .getElementById('cases-host')
    .replaceChildren(
      sortableTable('cases', ['item', 'variant', 'model', 'repeat', 'status', ...QUALITY], rows, { controls: false }),
    );
  document.getElementById('case-count').textContent =
    matching.length > CASE_LIMIT
      ? `showing ${CASE_LIMIT} of ${matching.length} cases — refine the filter`
      : `${matching.length} cases`;
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

function openCase(c) {
  const item = items[c.itemId] || {};
  const detail = caseDetail(caseIndex.get(c));
  const { candidate, trace } = detail;
  const scored = c.scores.map((s, i) => ({ ...s, ...detail.scores[i] }));
  const panel = document.getElementById('case-detail');
  const scores = h(
    'table',
    { className: 'scores' },
    h(
      'thead',
      null,
      h('tr', null, h('th', null, 'metric'), h('th', null, 'value'), h('th', null, 'verdict'), h('th', null, 'reason')),
    ),
    h(
      'tbody',
      null,
      scored.map((s) =>
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
  const judge = scored.filter((s) => s.metric.startsWith('judge.') && s.details?.rationale);
  const content = h(
    'div',
    null,
    h('h3', null, `${c.itemId} · ${c.variant} · ${c.model} · repeat ${c.repeat}`),
    c.error ? h('p', { className: 'error' }, `Failed at ${c.error.stage}: ${c.error.message}`) : null,
    h('h4', null, 'Requirement'),
    h('p', null, item.requirement || ''),
    h('h4', null, 'Scores'),
    scores,
    judge.length ? h('h4', null, 'Judge rationale') : null,
    judge.map((s) => h('div', null, h('strong', null, s.metric), pre(String(s.details.rationale)))),
    h('h4', null, 'Candidate beside the gold'),
    h(
      'div',
      { className: 'side-by-side' },
      h('div', null, h('h5', null, 'gold'), pre(item.goldText)),
      h('div', null, h('h5', null, 'candidate'), pre(candidate === null ? '(no candidate)' : candidate)),
    ),
    h('details', null, h('summary', null, 'Line diff (gold → candidate)'), diffView(item.goldText, candidate)),
    h('h4', null, `Few-shot exemplars: ${trace.fewShotIds.length ? trace.fewShotIds.join(', ') : 'none'}`),
    h('h4', null, `Retrieved passages (${trace.retrieved.length})`),
    trace.retrieved.map((p) => pre(p.text || `${p.service}.${p.method}`)),
    h('h4', null, `Chain (${trace.steps.length} step${trace.steps.length === 1 ? '' : 's'})`),
    trace.agent
      ? h(
          'p',
          { className: 'agent-summary' },
          `Agent: ${trace.agent.turns} turn${trace.agent.turns === 1 ? '' : 's'}, ${trace.agent.toolCalls} tool call${trace.agent.toolCalls === 1 ? '' : 's'} (${trace.agent.toolErrors} answered with an error), ${trace.agent.tokens} tokens; ended by ${trace.agent.stop === 'answer' ? 'its answer' : `its ${trace.agent.stop} budget`}.`,
        )
      : null,
    trace.repair
      ? h(
          'p',
          { className: 'repair-summary' },
          `Repair: ${trace.repair.roundsUsed} round${trace.repair.roundsUsed === 1 ? '' : 's'}; checker problems ${trace.repair.problemsBefore} → ${trace.repair.problemsAfter}.`,
        )
      : null,
    trace.steps.map((step, i) =>
      h(
        'details',
        { open: i === trace.steps.length - 1 ? '' : null },
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
        step.toolUses?.length ? h('h5', null, `tool calls (${step.toolUses.length})`) : null,
        (step.toolUses ?? []).map((use, j) =>
          h(
            'div',
            { className: use.isError ? 'tool-use tool-error' : 'tool-use' },
            h('strong', null, `${j + 1}. ${use.name}${use.isError ? ' — error' : ''}`),
            pre(`input: ${JSON.stringify(use.input)}\n\n${use.result}`),
          ),
        ),
      ),
    ),
  );
  panel.replaceChildren(content);
  panel.hidden = false;
  panel.scrollIntoView({ block: 'start' });
}
